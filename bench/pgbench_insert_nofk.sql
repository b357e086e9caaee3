-- Like pgbench_insert.sql, into bench_records_nofk: the same copy of attendance_records without its
-- foreign key to employees, so that the two runs together tell what the key's lookup costs.
\set n random(0, 999999999)
\set e :n % :employees + 1
\set d (:n / :employees) % 16000
INSERT INTO bench_records_nofk (employee_id, work_date, status, source, version, created_at, updated_at)
VALUES ('E' || lpad(:e::text, 5, '0'), date '1971-01-01' + :d::int, 'PRESENT', 'V1', 1, now(), now())
ON CONFLICT DO NOTHING;
