-- Metro lines are the programme's themes; each has a colour for the metro map.
ALTER TABLE programme ADD COLUMN lines JSONB NOT NULL DEFAULT '[]';
ALTER TABLE programme ALTER COLUMN lines DROP DEFAULT;

-- Every change to a project takes the next number of this sequence; the changes feed reads in this order.
CREATE SEQUENCE project_change_seq;

CREATE TABLE project (
    id                 UUID PRIMARY KEY,
    programme_id       UUID          NOT NULL REFERENCES programme (id),
    code               VARCHAR(20)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    description        VARCHAR(4000) NOT NULL,
    line               VARCHAR(40)   NOT NULL,
    priority_rank      INTEGER       NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    planned_start_date DATE          NOT NULL,
    planned_end_date   DATE          NOT NULL,
    statutory_deadline DATE,
    budget             NUMERIC(14, 2) NOT NULL,
    owner              VARCHAR(200)  NOT NULL,
    change_seq         BIGINT        NOT NULL,
    version            BIGINT        NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT project_code_unique UNIQUE (programme_id, code),
    -- Deferred so that a reordering can swap ranks inside one transaction.
    CONSTRAINT project_rank_unique UNIQUE (programme_id, priority_rank) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT project_period CHECK (planned_end_date >= planned_start_date),
    CONSTRAINT project_budget CHECK (budget >= 0)
);
CREATE INDEX project_change_order ON project (change_seq);

CREATE TABLE project_status_change (
    id           UUID PRIMARY KEY,
    project_id   UUID          NOT NULL REFERENCES project (id),
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    explanation  VARCHAR(2000) NOT NULL,
    changed_by   VARCHAR(200)  NOT NULL,
    changed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX project_status_change_project ON project_status_change (project_id, changed_at);

CREATE TABLE milestone (
    id            UUID PRIMARY KEY,
    project_id    UUID         NOT NULL REFERENCES project (id),
    title         VARCHAR(300) NOT NULL,
    due_date      DATE         NOT NULL,
    achieved_date DATE,
    key_milestone BOOLEAN      NOT NULL,
    missed_at     TIMESTAMP(6) WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX milestone_project ON milestone (project_id, due_date);

CREATE TABLE dependency (
    id              UUID PRIMARY KEY,
    project_id      UUID        NOT NULL REFERENCES project (id),
    predecessor_id  UUID        NOT NULL REFERENCES project (id),
    type            VARCHAR(30) NOT NULL,
    lag_days        INTEGER     NOT NULL,
    explanation     VARCHAR(2000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT dependency_not_self CHECK (project_id <> predecessor_id),
    CONSTRAINT dependency_unique UNIQUE (project_id, predecessor_id, type),
    CONSTRAINT dependency_lag CHECK (lag_days >= 0)
);
CREATE INDEX dependency_predecessor ON dependency (predecessor_id);
