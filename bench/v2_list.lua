-- Scenario 6: v2 list, first page (limit 100) of one seeded day, the day picked at random.
request = function()
  local d = seeded_day(math.random(0, DAYS - 1))
  return wrk.format("GET", "/api/v2/attendance?from=" .. d .. "&to=" .. d .. "&limit=100")
end
