-- The hot queries of bench:http, as the server sends them (CASL filters translated by casl-sql.ts).
-- Ids are those of a `bench:seed --persons 250000` database (user b.police.01101.1, b.health_facility.01.1).
-- Run: psql "$BENCH_DATABASE_URL" -f scripts/bench/plans/queries.sql
\pset pager off
\echo '== 1. my tasks, commune police staff (candidate groups / users / assignee), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM task WHERE state = 'created' AND (((task.candidate_groups && ARRAY['police:01101', 'agency:B-police-01101']::text[]) OR (task.candidate_users && ARRAY['ee071f48-14ed-48f1-8bbe-6a66f1cde9ff']::text[]) OR (task.assignee = 'ee071f48-14ed-48f1-8bbe-6a66f1cde9ff'))) ORDER BY created_at, id LIMIT 50;
\echo '== 1b. my tasks total, commune police'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM task WHERE state = 'created' AND (((task.candidate_groups && ARRAY['police:01101', 'agency:B-police-01101']::text[]) OR (task.candidate_users && ARRAY['ee071f48-14ed-48f1-8bbe-6a66f1cde9ff']::text[]) OR (task.assignee = 'ee071f48-14ed-48f1-8bbe-6a66f1cde9ff')));
\echo '== 2. my tasks, provincial health facility (3 000 open tasks), first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM task WHERE state = 'created' AND (((task.candidate_groups && ARRAY['health_facility:01', 'agency:B-health_facility-01']::text[]) OR (task.candidate_users && ARRAY['d98e556b-50d3-4baa-842a-19dfe69d419e']::text[]) OR (task.assignee = 'd98e556b-50d3-4baa-842a-19dfe69d419e'))) ORDER BY created_at, id LIMIT 50;
\echo '== 3. person search by name, commune staff (scope LIKE = CASL under(home))'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name FROM person p WHERE (p.scope LIKE '/01/01101/%') AND (p.search_name LIKE '%' || f_unaccent('do duc tung') || '%' OR p.search_name % f_unaccent('do duc tung') OR p.id_number = 'do duc tung') ORDER BY similarity(p.search_name, f_unaccent('do duc tung')) DESC, p.full_name LIMIT 20;
\echo '== 3b. person search total'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM person p WHERE (p.scope LIKE '/01/01101/%') AND (p.search_name LIKE '%' || f_unaccent('do duc tung') || '%' OR p.search_name % f_unaccent('do duc tung') OR p.id_number = 'do duc tung');
\echo '== 4. person search by ID number, provincial user'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name FROM person p WHERE (p.scope LIKE '/01/%') AND (p.search_name LIKE '%' || f_unaccent('001000000101') || '%' OR p.search_name % f_unaccent('001000000101') OR p.id_number = '001000000101') ORDER BY similarity(p.search_name, f_unaccent('001000000101')) DESC, p.full_name LIMIT 20;
\echo '== 5. timeline: procedure history of one person (History rule = instance scope under home)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT h.at, h.type, h.element_id, i.definition_key, h.instance_id, t.name FROM history_event h JOIN process_instance i ON i.id = h.instance_id LEFT JOIN task t ON t.id = h.task_id
  WHERE h.type IN ('instance.started', 'instance.completed', 'instance.cancelled', 'task.created', 'task.completed')
    AND h.root_instance_id IN (SELECT v.root_instance_id FROM variable v WHERE v.name = 'personId' AND v.value = '"b0000000-0000-4000-8000-000000000065"'::jsonb)
    AND (i.scope LIKE '/01/01101/%') ORDER BY h.id LIMIT 1000;
\echo '== 6. timeline: cases of the person (Case rule)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.id, c.code FROM rehab_case c WHERE c.person_id = 'b0000000-0000-4000-8000-000000000065' AND (c.scope LIKE '/01/01101/%');
\echo '== 7. timeline: audit of the person'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT at, action, actor_id FROM audit_log WHERE resource_type = 'Person' AND resource_id = 'b0000000-0000-4000-8000-000000000065' AND action IN ('person.created', 'person.updated') ORDER BY id;
\echo '== 8. task view: executions of the task instance (variables chain)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, parent_id FROM execution WHERE instance_id = '98bb70a3-2117-440e-8d8e-000000000001';
\echo '== 9. task list filtered by person (variable lookup)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM task WHERE state = 'created' AND root_instance_id IN (SELECT root_instance_id FROM variable WHERE name = 'personId' AND value = '"b0000000-0000-4000-8000-000000000065"'::jsonb);
