-- Scenario 10: the OT contract's GET /api/v1/attendance/health (open; from a probe at most 1 s old).
wrk.path = "/api/v1/attendance/health"
