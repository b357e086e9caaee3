-- pgbench limit for reads: one primary-key SELECT of a seeded record per transaction.
\set e random(1, :employees)
\set d random(1, :days)
SELECT employee_id, work_date, status, check_in, check_out, note, source, version, created_at, updated_at
  FROM attendance_records
 WHERE employee_id = 'E' || lpad(:e::text, 5, '0') AND work_date = current_date - :d::int;
