-- The activity feed, recorded from programme-service's and municipality-service's events (ActivityConsumer).
CREATE TABLE activity (
    id                UUID PRIMARY KEY,
    position          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_id          VARCHAR(200) NOT NULL,
    event_source      VARCHAR(300) NOT NULL,
    event_type        VARCHAR(200) NOT NULL,
    type              VARCHAR(100) NOT NULL,
    project_id        UUID,
    project_code      VARCHAR(50),
    municipality_code VARCHAR(6),
    key_milestone     BOOLEAN      NOT NULL,
    summary           TEXT         NOT NULL,
    occurred_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    data              JSONB        NOT NULL,
    CONSTRAINT activity_once_per_event UNIQUE (event_source, event_id)
);
CREATE INDEX activity_by_occurrence ON activity (occurred_at, position);
CREATE INDEX activity_by_project ON activity (project_id, occurred_at);
CREATE INDEX activity_by_municipality ON activity (municipality_code, occurred_at);

-- What the feed knows of programme projects and milestones, to name them and to look ahead.
CREATE TABLE known_project (
    id             UUID PRIMARY KEY,
    code           VARCHAR(50)  NOT NULL,
    name           VARCHAR(300) NOT NULL,
    status         VARCHAR(30)  NOT NULL,
    source_version BIGINT       NOT NULL
);

CREATE TABLE known_milestone (
    id             UUID PRIMARY KEY,
    project_id     UUID         NOT NULL,
    title          VARCHAR(300) NOT NULL,
    due_date       DATE         NOT NULL,
    achieved_date  DATE,
    key_milestone  BOOLEAN      NOT NULL,
    status         VARCHAR(30)  NOT NULL,
    source_version BIGINT       NOT NULL
);
CREATE INDEX known_milestone_by_due_date ON known_milestone (due_date) WHERE key_milestone;
