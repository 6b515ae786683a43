-- Calendar-feed keys expire, can be rotated, and stop working when their owner is disabled in Keycloak: the
-- owner's token subject (Keycloak user id) is kept to ask Keycloak. Feeds made before have no subject; they work
-- again once their owner rotates the key.
ALTER TABLE calendar_feed ADD COLUMN owner_subject VARCHAR(200);
ALTER TABLE calendar_feed ADD COLUMN expires_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE calendar_feed ADD COLUMN key_rotated_at TIMESTAMP(6) WITH TIME ZONE;
UPDATE calendar_feed SET expires_at = created_at + INTERVAL '90 days';
ALTER TABLE calendar_feed ALTER COLUMN expires_at SET NOT NULL;

-- Answers kept for Idempotency-Key replays used to hold the calendar address with its key: no longer.
DELETE FROM idempotency_record WHERE body LIKE '%/calendar?key=%';
