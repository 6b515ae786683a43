-- The project list is ordered by (priority_rank, id) and continued with a row-value comparison on that pair:
-- these indexes let a page start at its cursor, across programmes and within one, instead of scanning and sorting
-- every project for every page (a full listing of 100,000 projects took minutes).
CREATE INDEX project_by_priority ON project (priority_rank, id);
CREATE INDEX project_by_programme_priority ON project (programme_id, priority_rank, id);
