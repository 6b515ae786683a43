-- Answers kept for Idempotency-Key replays used to hold a webhook subscription's signing secret: no longer.
DELETE FROM idempotency_record WHERE body LIKE '%"secret":"whsec\_%';
