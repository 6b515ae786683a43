-- Consent: a subscription to an address other than its creator's own is pending until the address owner confirms
-- it (double opt-in); every mail carries a link, keyed by link_token, to end the subscription (RFC 8058).
ALTER TABLE subscription ADD COLUMN confirmed_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE subscription ADD COLUMN link_token VARCHAR(64);
UPDATE subscription SET confirmed_at = created_at,
    link_token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
ALTER TABLE subscription ALTER COLUMN link_token SET NOT NULL;
CREATE UNIQUE INDEX subscription_by_link_token ON subscription (link_token);

-- Mail headers (List-Unsubscribe, List-Unsubscribe-Post) and one inline image (the metro map, cid:).
ALTER TABLE outgoing_mail ADD COLUMN headers JSONB NOT NULL DEFAULT '{}';
ALTER TABLE outgoing_mail ADD COLUMN inline_name         VARCHAR(200);
ALTER TABLE outgoing_mail ADD COLUMN inline_content_type VARCHAR(200);
ALTER TABLE outgoing_mail ADD COLUMN inline_content_id   VARCHAR(200);
ALTER TABLE outgoing_mail ADD COLUMN inline_data         BYTEA;
