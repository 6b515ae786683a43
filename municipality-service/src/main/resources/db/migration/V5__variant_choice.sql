-- Per municipality and project: follow the uniform way of working or keep an own variant.
CREATE TABLE variant_choice (
    id                UUID          PRIMARY KEY,
    municipality_code VARCHAR(6)    NOT NULL REFERENCES municipality (code),
    project_id        UUID          NOT NULL,
    approach          VARCHAR(10)   NOT NULL,
    variant_name      VARCHAR(200),
    justification     VARCHAR(4000),
    -- The decision in force for the project when the choice was made or last changed, if any.
    decision_id       UUID          REFERENCES decision (id),
    version           BIGINT        NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT variant_choice_once_per_project UNIQUE (municipality_code, project_id),
    CONSTRAINT variant_choice_approach CHECK (approach IN ('uniform', 'variant')),
    CONSTRAINT variant_choice_variant_name CHECK ((approach = 'variant') = (variant_name IS NOT NULL))
);
CREATE INDEX variant_choice_by_project ON variant_choice (project_id, approach);
