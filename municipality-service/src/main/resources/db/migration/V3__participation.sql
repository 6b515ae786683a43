-- Whether a municipality takes part in a programme project, and how far its local implementation is.
-- project_id refers to the project read model (programme_project), checked by the service: the read model is
-- fed by events and is not this service's to constrain.
CREATE TABLE participation (
    id                    UUID         PRIMARY KEY,
    municipality_code     VARCHAR(6)   NOT NULL REFERENCES municipality (code),
    project_id            UUID         NOT NULL,
    participates          BOOLEAN      NOT NULL,
    local_lead            VARCHAR(200),
    implementation_status VARCHAR(20)  NOT NULL,
    planned_go_live_date  DATE,
    version               BIGINT       NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT participation_once_per_project UNIQUE (municipality_code, project_id),
    CONSTRAINT participation_implementation_status
        CHECK (implementation_status IN ('not-started', 'preparing', 'implementing', 'live'))
);
-- Participants of a project (cost allocation, harmonisation).
CREATE INDEX participation_by_project ON participation (project_id, municipality_code);
