-- The municipalities an activity concerns, for the feed's municipalityCode filter: the one an event names
-- (participation, variant choice), and for a cost allocation every municipality that pays a share of it.
CREATE TABLE activity_municipality (
    activity_id       UUID       NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    municipality_code VARCHAR(6) NOT NULL,
    PRIMARY KEY (municipality_code, activity_id)
);

INSERT INTO activity_municipality (activity_id, municipality_code)
SELECT id, municipality_code FROM activity WHERE municipality_code IS NOT NULL;

INSERT INTO activity_municipality (activity_id, municipality_code)
SELECT a.id, share ->> 'municipalityCode'
  FROM activity a, jsonb_array_elements(a.data -> 'shares') AS share
 WHERE a.type = 'cost-allocation-changed' AND (share ->> 'amountCents')::BIGINT > 0
ON CONFLICT DO NOTHING;
