-- Scenario 4: v2 PUT of existing records, each request a real change (seeded statuses are never
-- HALF_DAY); wrk threads walk disjoint halves of the seeded (employee, day) grid.
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  local total = EMPLOYEES * DAYS
  local k = (tid * math.floor(total / 2) + SEQ * 100000 + n) % total
  n = n + 1
  local e = k % EMPLOYEES + 1
  local d = math.floor(k / EMPLOYEES) % DAYS
  return wrk.format(nil, "/api/v2/employees/" .. emp_id(e) .. "/attendance/" .. seeded_day(d), nil,
    '{"status":"Half Day"}')
end
