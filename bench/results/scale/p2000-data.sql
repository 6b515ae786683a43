-- bench/scale.py's data set (2,000 projects with an 'Ontwerp' and a key 'Oplevering' milestone, each project after
-- the first ones must-finish-after its five predecessors: 9,985 + 15 = 10,000 links), inserted in bulk.
BEGIN;
INSERT INTO programme (id, name, ambition, goals, start_date, end_date, programme_manager, steering_committee, lines,
    version, created_at, updated_at)
VALUES (:'programme', 'Schaalbench SQL', 'Eén manier van werken voor alle gemeenten.', '[]', DATE '2026-01-01',
    DATE '2040-12-31', 'Petra de Vries', '[]',
    '[{"code": "key-registers", "name": "Basisregistraties", "colour": "#E3001B"}, {"code": "services", "name": "Dienstverlening", "colour": "#0063D3"}]',
    0, now(), now());
INSERT INTO project (id, programme_id, code, name, description, line, priority_rank, status, planned_start_date,
    planned_end_date, budget, owner, change_seq, version, created_at, updated_at)
SELECT gen_random_uuid(), :'programme', 'SSQL-' || r, 'Schaalproject ' || r, 'Gegenereerd door bench/scale.py.',
    CASE WHEN r % 2 = 1 THEN 'services' ELSE 'key-registers' END, r, 'proposed', DATE '2026-01-01' + r,
    DATE '2039-12-31', 100000.00, 'Jan Jansen', nextval('project_change_seq'), 0, now(), now()
FROM generate_series(1, 2000) r;
INSERT INTO milestone (id, project_id, title, due_date, key_milestone, version, created_at, updated_at)
SELECT gen_random_uuid(), p.id, m.title, m.due, m.key, 0, now(), now()
FROM project p, (VALUES ('Ontwerp', DATE '2030-06-30', false), ('Oplevering', DATE '2039-12-31', true)) m (title, due, key)
WHERE p.programme_id = :'programme';
INSERT INTO dependency (id, project_id, predecessor_id, type, lag_days, created_at)
SELECT gen_random_uuid(), s.id, p.id, 'must-finish-before', 0, now()
FROM project s JOIN project p ON p.programme_id = s.programme_id
    AND p.priority_rank BETWEEN s.priority_rank - 5 AND s.priority_rank - 1
WHERE s.programme_id = :'programme';
COMMIT;
SELECT (SELECT count(*) FROM project WHERE programme_id = :'programme') AS projects,
    (SELECT count(*) FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.programme_id = :'programme') AS milestones,
    (SELECT count(*) FROM dependency d JOIN project p ON p.id = d.project_id WHERE p.programme_id = :'programme') AS dependencies;
