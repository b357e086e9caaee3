-- pgbench limit for writes, the same everywhere: one single-row INSERT per transaction into
-- bench_bare, the bare shape of a daily record (bigserial key, employee, date, status, unique on
-- employee and date), empty at the start, no foreign key, no other index. Random keys; the rare
-- collision is absorbed by ON CONFLICT.
\set n random(0, 999999999)
\set e :n % :employees + 1
\set d (:n / :employees) % 16000
INSERT INTO bench_bare (employee_id, work_date, status)
VALUES ('E' || lpad(:e::text, 5, '0'), date '1971-01-01' + :d::int, 'PRESENT')
ON CONFLICT DO NOTHING;
