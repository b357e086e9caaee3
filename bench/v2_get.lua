-- Scenario 5: v2 GET record over a hot set of HOT records (yesterday's), warm cache.
local d
request = function()
  d = d or seeded_day(DAYS - 1)
  return wrk.format("GET", "/api/v2/employees/" .. emp_id(math.random(1, HOT)) .. "/attendance/" .. d)
end
