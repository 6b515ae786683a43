CREATE TABLE programme (
    id                 UUID PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    ambition           VARCHAR(4000) NOT NULL,
    goals              JSONB         NOT NULL,
    start_date         DATE          NOT NULL,
    end_date           DATE          NOT NULL,
    programme_manager  VARCHAR(200)  NOT NULL,
    steering_committee JSONB         NOT NULL,
    version            BIGINT        NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT programme_period CHECK (end_date >= start_date)
);
