-- Scenario 8: v2 batch of BATCH new records per request. Existing employees on days of 1970, which
-- nothing else writes (v1 create starts in 1971, the seed ends yesterday): each (warm-up or measured
-- run, wrk thread) pair gets its own block of 90 days, so every item is a create.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local BATCH = 1000
local n = 0
request = function()
  local slot = SEQ * 2 + tid
  local items = {}
  for i = 1, BATCH do
    local e = n % EMPLOYEES + 1
    items[i] = string.format('{"employeeId":"%s","date":"%s","status":"Present"}',
      emp_id(e), day(slot * 90 + math.floor(n / EMPLOYEES)))
    n = n + 1
  end
  return wrk.format(nil, "/api/v2/attendance/batch", nil, "[" .. table.concat(items, ",") .. "]")
end
