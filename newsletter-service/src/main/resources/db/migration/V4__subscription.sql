-- People who receive the programme's news by e-mail, managed by themselves (owner = token subject) or an admin.
CREATE TABLE subscription (
    id                    UUID PRIMARY KEY,
    owner                 VARCHAR(200) NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    email                 VARCHAR(254) NOT NULL,
    municipality_code     VARCHAR(6),
    role                  VARCHAR(40)  NOT NULL,
    follows               VARCHAR(20)  NOT NULL,
    project_ids           JSONB        NOT NULL,
    delivery              VARCHAR(20)  NOT NULL,
    last_digest_position  BIGINT       NOT NULL,
    last_digest_at        TIMESTAMP(6) WITH TIME ZONE,
    version               BIGINT       NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT subscription_follows CHECK (follows IN ('everything', 'projects', 'key-milestones')),
    CONSTRAINT subscription_delivery CHECK (delivery IN ('per-event', 'weekly-digest'))
);
CREATE UNIQUE INDEX subscription_once_per_owner ON subscription (owner, lower(email));
CREATE INDEX subscription_by_created ON subscription (created_at, id);
