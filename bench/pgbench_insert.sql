-- pgbench limit for writes: one single-row INSERT per transaction into bench_records, a copy of
-- attendance_records (same columns, defaults, checks, indexes and foreign key). Random keys on
-- dates the seed never uses; the rare collision is absorbed by ON CONFLICT.
\set n random(0, 999999999)
\set e :n % :employees + 1
\set d (:n / :employees) % 16000
INSERT INTO bench_records (employee_id, work_date, status, source, version, created_at, updated_at)
VALUES ('E' || lpad(:e::text, 5, '0'), date '1971-01-01' + :d::int, 'PRESENT', 'V1', 1, now(), now())
ON CONFLICT DO NOTHING;
