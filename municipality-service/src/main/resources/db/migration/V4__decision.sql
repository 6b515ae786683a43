-- The register of programme decisions: per project, one uniform way of working or room for municipal variants.
-- The decision in force for a project is its latest by decided_on, then by creation.
CREATE TABLE decision (
    id                         UUID          PRIMARY KEY,
    project_id                 UUID          NOT NULL,
    question                   VARCHAR(1000) NOT NULL,
    options                    JSONB         NOT NULL,
    outcome                    VARCHAR(20)   NOT NULL,
    deciding_body              VARCHAR(30)   NOT NULL,
    deciding_municipality_code VARCHAR(6)    REFERENCES municipality (code),
    decided_on                 DATE          NOT NULL,
    rationale                  VARCHAR(4000) NOT NULL,
    version                    BIGINT        NOT NULL,
    created_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT decision_outcome CHECK (outcome IN ('uniform', 'variants-allowed')),
    CONSTRAINT decision_deciding_body
        CHECK (deciding_body IN ('steering-committee', 'secretaries-meeting', 'municipal-executive', 'council')),
    -- A municipal body decides for one municipality; the joint bodies for all.
    CONSTRAINT decision_deciding_municipality CHECK (
        (deciding_body IN ('municipal-executive', 'council')) = (deciding_municipality_code IS NOT NULL))
);
CREATE INDEX decision_in_force ON decision (project_id, decided_on DESC, created_at DESC, id DESC);
CREATE INDEX decision_by_date ON decision (decided_on, id);
