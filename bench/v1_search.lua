-- Scenario 2: v1 search?id= over a hot set of HOT employees (warm cache after the warm-up).
request = function()
  return wrk.format("GET", "/api/v1/attendance/search?id=" .. emp_id(math.random(1, HOT)))
end
