-- Private calendar addresses of the key milestone planning: a calendar client (Outlook, Google) subscribes to the
-- address without a bearer token, so the address carries a secret key. Only its SHA-256 hash is stored.
CREATE TABLE calendar_feed (
    id           UUID PRIMARY KEY,
    owner        VARCHAR(200) NOT NULL,
    programme_id UUID         NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    horizon_days INTEGER      NOT NULL,
    description  VARCHAR(200),
    key_hash     VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_feed_horizon CHECK (horizon_days BETWEEN 1 AND 3650)
);
CREATE INDEX calendar_feed_by_owner ON calendar_feed (owner, created_at, id);
CREATE INDEX calendar_feed_by_creation ON calendar_feed (created_at, id);
