-- Webhook subscriptions of integrators (owner = the client id of their token) and the deliveries made to them.
CREATE TABLE webhook_subscription (
    id                   UUID PRIMARY KEY,
    position             BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    owner                VARCHAR(200)  NOT NULL,
    callback_url         VARCHAR(2000) NOT NULL,
    event_types          JSONB         NOT NULL,
    description          VARCHAR(500),
    secret               VARCHAR(200)  NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    consecutive_failures INTEGER       NOT NULL,
    disabled_at          TIMESTAMP(6) WITH TIME ZONE,
    version              BIGINT        NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX webhook_subscription_by_owner ON webhook_subscription (owner, position);

-- One delivery per subscription and event, however often the event is received; the body is fixed when the
-- delivery is created, so every attempt sends (and signs) the same bytes.
CREATE TABLE webhook_delivery (
    id                   UUID PRIMARY KEY,
    position             BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    subscription_id      UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id             VARCHAR(200)  NOT NULL,
    event_source         VARCHAR(300)  NOT NULL,
    event_type           VARCHAR(200)  NOT NULL,
    payload              TEXT          NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    attempts             INTEGER       NOT NULL,
    last_attempt_at      TIMESTAMP(6) WITH TIME ZONE,
    last_response_status INTEGER,
    next_attempt_at      TIMESTAMP(6) WITH TIME ZONE,
    attempt_log          JSONB         NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_delivery_once_per_event UNIQUE (subscription_id, event_source, event_id),
    CONSTRAINT webhook_delivery_status CHECK (status IN ('pending', 'delivered', 'failed', 'abandoned'))
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, position);
