-- Texts for people in their language (nl by default, en on request), and municipalities by name.
-- (Versions 15.x belong to issue 15, so that migrations added in parallel keep distinct versions.)
ALTER TABLE subscription ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'nl';
ALTER TABLE subscription ADD CONSTRAINT subscription_language CHECK (language IN ('nl', 'en'));
ALTER TABLE newsletter ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'nl';
ALTER TABLE newsletter ADD CONSTRAINT newsletter_language CHECK (language IN ('nl', 'en'));

-- What municipality-service published of each municipality (municipality-registered, -changed).
CREATE TABLE known_municipality (
    code                VARCHAR(6)   PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    municipal_secretary VARCHAR(200) NOT NULL,
    source_version      BIGINT       NOT NULL
);

-- A newsletter worth opening: where the programme stands (a snapshot taken as it is composed) and the metro map.
ALTER TABLE newsletter ADD COLUMN overview JSONB;
ALTER TABLE newsletter ADD COLUMN programme_id UUID;
ALTER TABLE newsletter ADD COLUMN metro_map_svg TEXT;
ALTER TABLE known_project ADD COLUMN programme_id UUID;
