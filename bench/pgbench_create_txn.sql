-- pgbench limit of the v1 create's own transaction: the statements the service sends for a create
-- of a known employee (read the employee, insert the record, append its audit event, commit) into
-- bench_records and bench_audit, copies of attendance_records and audit_events. What PostgreSQL
-- alone can do for creates on this machine, with no JVM in the way. The instants are written
-- through to_json: a to_char format holds a colon before letters, which pgbench reads as a variable.
\set n random(0, 999999999)
\set e :n % :employees + 1
\set d (:n / :employees) % 16000
BEGIN;
SELECT employee_id, name, department, timezone, active, version, created_at, updated_at
  FROM employees WHERE employee_id = 'E' || lpad(:e::text, 5, '0');
INSERT INTO bench_records (employee_id, work_date, status, source, version, created_at, updated_at)
VALUES ('E' || lpad(:e::text, 5, '0'), date '1971-01-01' + :d::int, 'PRESENT', 'V1', 1, now(), now())
ON CONFLICT DO NOTHING;
INSERT INTO bench_audit (employee_id, work_date, occurred_at, actor, action, after)
VALUES ('E' || lpad(:e::text, 5, '0'), date '1971-01-01' + :d::int, now(), 'anonymous', 'CREATED',
        jsonb_build_object('status', 'Present', 'source', 'V1', 'version', 1,
                           'createdAt', (to_json(now() AT TIME ZONE 'UTC') #>> '{}') || 'Z',
                           'updatedAt', (to_json(now() AT TIME ZONE 'UTC') #>> '{}') || 'Z'));
COMMIT;
