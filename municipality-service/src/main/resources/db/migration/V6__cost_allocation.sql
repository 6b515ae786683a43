-- The key by which a project's costs are shared; a project without one is shared equally. project_id refers to
-- the project read model (programme_project), checked by the service, as for participations.
CREATE TABLE allocation_key (
    project_id                 UUID         PRIMARY KEY,
    method                     VARCHAR(20)  NOT NULL,
    inhabitants_weight_percent INTEGER,
    version                    BIGINT       NOT NULL,
    created_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT allocation_key_method CHECK (method IN ('equal-share', 'by-inhabitants', 'weighted')),
    CONSTRAINT allocation_key_weight CHECK (
        (method = 'weighted' AND inhabitants_weight_percent BETWEEN 0 AND 100)
        OR (method <> 'weighted' AND inhabitants_weight_percent IS NULL))
);

-- A project's cost allocation as last computed: recomputed in the transaction of every change it depends on.
CREATE TABLE cost_allocation (
    project_id                 UUID         PRIMARY KEY,
    budget_cents               BIGINT       NOT NULL,
    method                     VARCHAR(20)  NOT NULL,
    inhabitants_weight_percent INTEGER,
    version                    BIGINT       NOT NULL,
    computed_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT cost_allocation_budget CHECK (budget_cents >= 0)
);

-- The share of each participating municipality; a non-participant pays nothing and has no row.
CREATE TABLE cost_allocation_share (
    project_id        UUID       NOT NULL REFERENCES cost_allocation (project_id) ON DELETE CASCADE,
    municipality_code VARCHAR(6) NOT NULL REFERENCES municipality (code),
    inhabitants       INTEGER    NOT NULL,
    amount_cents      BIGINT     NOT NULL,
    PRIMARY KEY (project_id, municipality_code),
    CONSTRAINT cost_allocation_share_amount CHECK (amount_cents >= 0)
);
CREATE INDEX cost_allocation_share_by_municipality ON cost_allocation_share (municipality_code, project_id);
