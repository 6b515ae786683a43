-- The kinds of milestone alert, as every other enumeration column of this service is checked.
ALTER TABLE milestone_alert ADD CONSTRAINT milestone_alert_kind CHECK (kind IN ('missed', 'due-soon'));
