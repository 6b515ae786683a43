-- A cancelled meeting stays readable (and in calendars, as cancelled) but no longer changes.
ALTER TABLE meeting ADD COLUMN cancelled_at        TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE meeting ADD COLUMN cancellation_reason VARCHAR(500);
ALTER TABLE meeting ADD CONSTRAINT meeting_cancellation
    CHECK ((cancelled_at IS NULL) = (cancellation_reason IS NULL));
