-- Alerts to secretaries about key milestones: each milestone at most once per kind (missed, due-soon).
CREATE TABLE milestone_alert (
    milestone_id UUID        NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    alerted_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (milestone_id, kind)
);
