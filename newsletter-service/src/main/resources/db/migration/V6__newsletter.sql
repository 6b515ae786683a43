-- Newsletters: numbered drafts composed from the activity feed, edited, then published (immutable).
CREATE SEQUENCE newsletter_number;
CREATE TABLE newsletter (
    id           UUID PRIMARY KEY,
    number       INTEGER      NOT NULL UNIQUE,
    title        VARCHAR(200) NOT NULL,
    introduction TEXT,
    period_start DATE         NOT NULL,
    period_end   DATE         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    sections     JSONB        NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT newsletter_period CHECK (period_end >= period_start),
    CONSTRAINT newsletter_status CHECK (status IN ('draft', 'published'))
);
