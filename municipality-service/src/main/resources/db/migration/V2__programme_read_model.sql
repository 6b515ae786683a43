-- Read model of programme-service's projects and milestones, fed by its events (see ProgrammeEventConsumer).
CREATE TABLE programme_project (
    id             UUID PRIMARY KEY,
    programme_id   UUID          NOT NULL,
    code           VARCHAR(50)   NOT NULL,
    name           VARCHAR(300)  NOT NULL,
    status         VARCHAR(30)   NOT NULL,
    budget         NUMERIC(14,2) NOT NULL,
    source_version BIGINT        NOT NULL,
    received_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE programme_milestone (
    id             UUID PRIMARY KEY,
    project_id     UUID          NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    due_date       DATE          NOT NULL,
    achieved_date  DATE,
    key_milestone  BOOLEAN       NOT NULL,
    status         VARCHAR(30)   NOT NULL,
    source_version BIGINT        NOT NULL,
    received_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX programme_milestone_by_project ON programme_milestone (project_id, due_date);
