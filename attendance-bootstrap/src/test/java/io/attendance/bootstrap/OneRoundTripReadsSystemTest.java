package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.redis.RedisProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A cached read with a bearer token is one script call to Redis, the session check and the lookup
 * together, counted by Redis itself (its EVALSHA calls: a script cannot call one, so each is a
 * request of a client). A route whose first read the access check looks up ahead with another key
 * than its handler reads would cost two, and fails here.
 */
class OneRoundTripReadsSystemTest {
    private static final Pattern EVALSHA_CALLS = Pattern.compile("cmdstat_evalsha:calls=(\\d+)");
    private static final Pattern EVAL_CALLS = Pattern.compile("cmdstat_eval:calls=(\\d+)");

    @TempDir
    Path directory;

    @Test
    void aWarmCachedReadWithABearerTokenIsOneScriptCall() {
        try (RedisProcess redis = RedisProcess.server(directory);
             RunningService service = RunningService.start(withoutCatchUp(TestServers.freshEnvironment(redis.url())));
             Jedis stats = redis.connect()) {
            assertThat(service.put("/api/v2/employees/E-1", "{\"name\":\"Ada\"}").statusCode()).isEqualTo(201);
            assertThat(service.put("/api/v2/employees/E-1/attendance/2026-11-27", "{\"status\":\"Present\"}")
                    .statusCode()).isEqualTo(201);
            List<String> reads = List.of("/api/v2/employees/E-1/attendance/2026-11-27", "/api/v2/employees/E-1",
                    "/api/v1/attendance/search?id=E-1", "/api/v1/attendance/search/all");
            for (String read : reads) {
                assertThat(service.get(read).statusCode()).as("filling %s", read).isEqualTo(200);
                assertThat(service.get(read).statusCode()).as("warm %s", read).isEqualTo(200);
            }

            for (String read : reads) {
                stats.configResetStat();
                assertThat(service.get(read).statusCode()).isEqualTo(200);
                String commands = stats.info("commandstats");
                assertThat(calls(EVALSHA_CALLS, commands)).as("script calls for %s", read).isEqualTo(1);
                assertThat(calls(EVAL_CALLS, commands)).as("scripts sent in full for %s", read).isZero();
            }
        }
    }

    /** No catch-up of the cache while Redis counts: its own scripts would be counted too. */
    private static Map<String, String> withoutCatchUp(Map<String, String> servers) {
        Map<String, String> settings = new HashMap<>(servers);
        settings.put("ATTENDANCE_CACHE_CATCH_UP_INTERVAL", "1m");
        return settings;
    }

    private static int calls(Pattern command, String commandStats) {
        Matcher matcher = command.matcher(commandStats);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
