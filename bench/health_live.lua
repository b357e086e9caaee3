-- Scenario 7: /health/live, the Javalin ceiling (no database, no cache).
wrk.path = "/health/live"
