-- The task list and person search as the server sends them after migration 0050 and the two-tier
-- search (engine/queries listTasks, server/repositories/person.repository.ts), CASL filters as
-- casl-sql.ts translates them. Works on any `bench:seed` database (users looked up by name):
--   psql "$BENCH_DATABASE_URL" -f scripts/bench/plans/queries-0050.sql
\pset pager off
SELECT id AS hf FROM app_user WHERE username = 'b.health_facility.01.1' \gset
SELECT id AS po FROM app_user WHERE username = 'b.police.01101.1' \gset
SELECT full_name AS name, f_unaccent(full_name) AS plain, id_number AS cccd FROM person WHERE scope LIKE '/01/01113/%' ORDER BY id LIMIT 1 \gset
\set hf_rule '(("task"."assignee" = ' :'hf' ') OR ("task"."candidate_users" && ARRAY[' :'hf' ']::text[]) OR ("task"."candidate_groups" && ARRAY[''health_facility:01'', ''agency:B-health_facility-01'']::text[]))'
\set po_rule '(("task"."assignee" = ' :'po' ') OR ("task"."candidate_users" && ARRAY[' :'po' ']::text[]) OR ("task"."candidate_groups" && ARRAY[''police:01101'', ''agency:B-police-01101'']::text[]))'
\echo '== 1. my tasks page, provincial health facility (3 000 open tasks): ids index-only, rows by pkey'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM "task" WHERE "task"."id" IN (SELECT "task"."id" FROM "task" WHERE "state" = 'created' AND :hf_rule ORDER BY "task"."created_at" ASC, "task"."id" LIMIT 50 OFFSET 0) ORDER BY "created_at" ASC, "id";
\echo '== 1b. its count, capped at 1 000 (first; > 500 → the page of 1 walks the index)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count("matching"."instance_id") AS "count" FROM (SELECT "task"."instance_id" FROM "task" WHERE "state" = 'created' AND :hf_rule LIMIT 1001) AS "matching";
\echo '== 1c. before 0050 (same page, the query of 0020): one SELECT * … ORDER BY … LIMIT 50, exact count'
BEGIN;
DROP INDEX task_open_created_idx;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM "task" WHERE "state" = 'created' AND :hf_rule ORDER BY "created_at" ASC, "id" LIMIT 50 OFFSET 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) AS "count" FROM "task" WHERE "state" = 'created' AND :hf_rule;
ROLLBACK;
\echo '== 2. my tasks page, commune police (450 open tasks ≤ 500: all matches materialized, then sorted)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH "matching" AS MATERIALIZED (SELECT * FROM "task" WHERE "state" = 'created' AND :po_rule) SELECT * FROM "matching" ORDER BY "created_at" ASC, "id" LIMIT 50 OFFSET 0;
\echo '== 2b. its count (below the cap: exact)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count("matching"."instance_id") AS "count" FROM (SELECT "task"."instance_id" FROM "task" WHERE "state" = 'created' AND :po_rule LIMIT 1001) AS "matching";
\echo '== 2c. the same page as one SELECT … LIMIT (the shape without MATERIALIZED): the planner may walk an index in list order'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM "task" WHERE "state" = 'created' AND :po_rule ORDER BY "created_at" ASC, "id" LIMIT 50 OFFSET 0;
\echo '== 3. person search, full name typed without accents, provincial user (tier 1: name contains the term or ID equals it)'
\echo :plain
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name, count(*) OVER () AS total_count FROM person p WHERE (p.scope LIKE '/01/%') AND (p.search_name LIKE '%' || f_unaccent(:'plain') || '%' OR p.id_number = :'plain') ORDER BY similarity(p.search_name, f_unaccent(:'plain')) DESC, p.full_name LIMIT 20;
\echo '== 3b. the same, commune user'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name, count(*) OVER () AS total_count FROM person p WHERE (p.scope LIKE '/01/01113/%') AND (p.search_name LIKE '%' || f_unaccent(:'plain') || '%' OR p.id_number = :'plain') ORDER BY similarity(p.search_name, f_unaccent(:'plain')) DESC, p.full_name LIMIT 20;
\echo '== 3c. before: one OR with the fuzzy branch at pg_trgm 0.3, provincial user'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name, count(*) OVER () AS total_count FROM person p WHERE (p.scope LIKE '/01/%') AND (p.search_name LIKE '%' || f_unaccent(:'plain') || '%' OR p.search_name % f_unaccent(:'plain') OR p.id_number = :'plain') ORDER BY similarity(p.search_name, f_unaccent(:'plain')) DESC, p.full_name LIMIT 20;
\echo '== 4. person search by CCCD number, provincial user'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name, count(*) OVER () AS total_count FROM person p WHERE (p.scope LIKE '/01/%') AND (p.search_name LIKE '%' || f_unaccent(:'cccd') || '%' OR p.id_number = :'cccd') ORDER BY similarity(p.search_name, f_unaccent(:'cccd')) DESC, p.full_name LIMIT 20;
\echo '== 5. tier 2 (nobody''s name contains a typo''d term): similarity ≥ 0.5 set for the transaction, provincial user'
BEGIN;
SELECT set_config('pg_trgm.similarity_threshold', '0.5', true);
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT p.id, p.full_name, count(*) OVER () AS total_count FROM person p WHERE (p.scope LIKE '/01/%') AND (p.search_name % f_unaccent(:'plain' || 'x')) ORDER BY similarity(p.search_name, f_unaccent(:'plain' || 'x')) DESC, p.full_name LIMIT 20;
COMMIT;
