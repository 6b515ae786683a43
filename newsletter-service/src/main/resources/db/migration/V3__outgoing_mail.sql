-- E-mail queued in the transaction that causes it, sent by MailRelay (at least once, retried with back-off).
CREATE TABLE outgoing_mail (
    id                      UUID PRIMARY KEY,
    recipients              JSONB        NOT NULL,
    subject                 VARCHAR(500) NOT NULL,
    text_body               TEXT         NOT NULL,
    html_body               TEXT,
    attachment_name         VARCHAR(200),
    attachment_content_type VARCHAR(200),
    attachment_data         BYTEA,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_attempt_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at                 TIMESTAMP(6) WITH TIME ZONE,
    attempts                INTEGER      NOT NULL DEFAULT 0,
    last_error              TEXT,
    CONSTRAINT outgoing_mail_attachment CHECK ((attachment_name IS NULL) = (attachment_data IS NULL))
);
CREATE INDEX outgoing_mail_pending ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL;
