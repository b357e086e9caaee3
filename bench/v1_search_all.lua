-- Scenario 3: v1 search/all, every record of a 10,000-record database per request.
wrk.path = "/api/v1/attendance/search/all"
