-- A participating municipality, keyed by its CBS municipality code so that other services can refer to it.
CREATE TABLE municipality (
    code                       VARCHAR(6)   PRIMARY KEY,
    name                       VARCHAR(100) NOT NULL,
    inhabitants                INTEGER      NOT NULL,
    municipal_secretary        VARCHAR(200) NOT NULL,
    realisation_plan_reference VARCHAR(100),
    version                    BIGINT       NOT NULL,
    created_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT municipality_code_cbs CHECK (code ~ '^GM[0-9]{4}$'),
    CONSTRAINT municipality_inhabitants CHECK (inhabitants > 0)
);
CREATE INDEX municipality_by_name ON municipality (name, code);
