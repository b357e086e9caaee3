-- Scenario 1: v1 create, every request a new (employee, date) pair.
-- Existing employees (name sent as stored, so no rename) on dates never seeded: each (warm-up or
-- measured run, wrk thread) pair gets its own block of 2,500 days from 1971 on; the eight blocks of
-- SEQ 0..3 end before 2019, far from the seeded days.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  local slot = SEQ * 2 + tid
  local e = n % EMPLOYEES + 1
  local d = 365 + slot * 2500 + math.floor(n / EMPLOYEES)
  n = n + 1
  return wrk.format(nil, "/api/v1/attendance/create", nil, string.format(
    '{"id":"%s","name":"Employee %d","status":"Present","date":"%s"}', emp_id(e), e, day(d)))
end
