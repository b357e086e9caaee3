package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no server configured the service brings its own, and their data outlive a restart. */
class EmbeddedModeSystemTest {
    @TempDir
    Path dataDirectory;

    @Test
    void recordsSurviveARestartOnTheSameDataDirectory() {
        Map<String, String> embedded = Map.of("ATTENDANCE_DATA_DIR", dataDirectory.toString());
        try (RunningService service = RunningService.start(embedded)) {
            assertThat(service.create("E-1", "Ada Lovelace", "Present", "2026-11-02").statusCode()).isEqualTo(200);
            assertThat(service.get("/api/v1/attendance/health/detail").body())
                    .contains("\"postgresql\":\"up\"", "\"redis\":\"up\"");
        }

        try (RunningService restarted = RunningService.start(embedded)) {
            assertThat(restarted.get("/api/v1/attendance/search?id=E-1").body())
                    .isEqualTo("{\"id\":\"E-1\",\"name\":\"Ada Lovelace\",\"status\":\"Present\",\"date\":\"2026-11-02\"}");
        }
    }
}
