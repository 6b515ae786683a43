-- Fenced claims: a worker (of any instance) that claimed a webhook delivery or a mail records its outcome only
-- while the row still carries its claim token; a worker whose lease ran out and was re-claimed by another changes
-- nothing.
ALTER TABLE webhook_delivery ADD COLUMN claim_token UUID;
ALTER TABLE outgoing_mail ADD COLUMN claim_token UUID;
-- A mail the SMTP server refused for good (5xx) ends as failed instead of being retried forever.
ALTER TABLE outgoing_mail ADD COLUMN failed_at TIMESTAMP(6) WITH TIME ZONE;
DROP INDEX outgoing_mail_pending;
CREATE INDEX outgoing_mail_pending ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- Retention deletes delivered webhooks and sent mails by age.
CREATE INDEX webhook_delivery_settled ON webhook_delivery ((COALESCE(last_attempt_at, created_at))) WHERE status <> 'pending';
CREATE INDEX outgoing_mail_sent ON outgoing_mail (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX outgoing_mail_failed ON outgoing_mail (failed_at) WHERE failed_at IS NOT NULL;
