CREATE TABLE meeting (
    id           UUID PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    starts_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    location     VARCHAR(300) NOT NULL,
    audience     VARCHAR(30)  NOT NULL,
    agenda_items JSONB        NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT meeting_period CHECK (ends_at > starts_at),
    CONSTRAINT meeting_audience CHECK (audience IN ('all-staff', 'secretaries', 'steering-committee'))
);
-- The list is read in order of start.
CREATE INDEX meeting_by_start ON meeting (starts_at, id);
