-- The programme's change number: a new value from one sequence, in the same transaction, whenever anything the
-- programme's computed answers (metro map, impact of a slip) are made of changes: the programme itself, one of its
-- projects, a milestone or a dependency of them. Triggers, not application code, so that every writer (each rule of
-- the service, a scheduled job, bulk SQL, another replica) gives a new number; a reader that reads the number
-- before the data can cache what it computed under that number (ProgrammeAnswers).
-- Statement triggers with transition tables: one upsert per programme and statement, also for bulk statements
-- (a row trigger would update the same row once per inserted row).
CREATE SEQUENCE programme_change_number;

CREATE TABLE programme_change (
    programme_id  UUID   PRIMARY KEY,
    change_number BIGINT NOT NULL
);

INSERT INTO programme_change (programme_id, change_number)
SELECT id, nextval('programme_change_number') FROM programme;

-- Sorted, so that two statements bumping the same programmes take their row locks in the same order.
CREATE FUNCTION bump_programme_changes(programmes UUID[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO programme_change (programme_id, change_number)
    SELECT programme, nextval('programme_change_number')
    FROM (SELECT DISTINCT programme FROM unnest(programmes) AS programme WHERE programme IS NOT NULL
          ORDER BY programme) AS changed
    ON CONFLICT (programme_id) DO UPDATE SET change_number = EXCLUDED.change_number
$$;

CREATE FUNCTION programme_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM bump_programme_changes(ARRAY(SELECT id FROM new_rows));
    ELSE
        PERFORM bump_programme_changes(ARRAY(SELECT id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION project_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_programme_changes(ARRAY(SELECT programme_id FROM new_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        -- A project moved to another programme changes both.
        PERFORM bump_programme_changes(ARRAY(SELECT programme_id FROM new_rows
                                             UNION SELECT programme_id FROM old_rows));
    ELSE
        PERFORM bump_programme_changes(ARRAY(SELECT programme_id FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;

-- A deleted project's programme is bumped by the project's own delete.
CREATE FUNCTION milestone_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_programme_changes(ARRAY(SELECT p.programme_id FROM project p JOIN new_rows r ON r.project_id = p.id));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM bump_programme_changes(ARRAY(SELECT p.programme_id FROM project p
                                             JOIN (SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows) r
                                             ON r.project_id = p.id));
    ELSE
        PERFORM bump_programme_changes(ARRAY(SELECT p.programme_id FROM project p JOIN old_rows r ON r.project_id = p.id));
    END IF;
    RETURN NULL;
END
$$;

-- Both ends: a link counts in a programme's answers when both its projects are in it.
CREATE FUNCTION dependency_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM bump_programme_changes(ARRAY(SELECT p.programme_id FROM project p
                                             JOIN (SELECT project_id AS id FROM new_rows
                                                   UNION SELECT predecessor_id FROM new_rows) r ON r.id = p.id));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM bump_programme_changes(ARRAY(SELECT p.programme_id FROM project p
                                             JOIN (SELECT project_id AS id FROM new_rows
                                                   UNION SELECT predecessor_id FROM new_rows
                                                   UNION SELECT project_id FROM old_rows
                                                   UNION SELECT predecessor_id FROM old_rows) r ON r.id = p.id));
    ELSE
        PERFORM bump_programme_changes(ARRAY(SELECT p.programme_id FROM project p
                                             JOIN (SELECT project_id AS id FROM old_rows
                                                   UNION SELECT predecessor_id FROM old_rows) r ON r.id = p.id));
    END IF;
    RETURN NULL;
END
$$;

-- For each table: <table>_inserted, <table>_updated and <table>_deleted, calling <table>_rows_changed().
DO $$
DECLARE
    changed TEXT;
BEGIN
    FOREACH changed IN ARRAY ARRAY['programme', 'project', 'milestone', 'dependency'] LOOP
        EXECUTE format('CREATE TRIGGER %1$I AFTER INSERT ON %2$I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %3$I()', changed || '_inserted', changed, changed || '_rows_changed');
        EXECUTE format('CREATE TRIGGER %1$I AFTER UPDATE ON %2$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %3$I()', changed || '_updated', changed, changed || '_rows_changed');
        EXECUTE format('CREATE TRIGGER %1$I AFTER DELETE ON %2$I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %3$I()', changed || '_deleted', changed, changed || '_rows_changed');
    END LOOP;
END
$$;
