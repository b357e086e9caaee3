package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import io.attendance.domain.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A DEVICE writes records it may not read: each answer tells it what it sent, as stored, and whether
 * it was stored, and nothing of what was stored before or around it (versions, times, names).
 */
class DeviceWritesV2Test {
    private static final String DAY = "2026-11-27";
    private static final String PUNCH = "{\"status\":\"Present\",\"checkIn\":\"2026-11-27T09:00:00+01:00\",\"note\":\"door 3\"}";
    private static final String SENT = "{\"employeeId\":\"E-1\",\"date\":\"2026-11-27\",\"status\":\"Present\","
            + "\"checkIn\":\"2026-11-27T08:00:00Z\",\"checkOut\":null,\"note\":\"door 3\"}";

    @RegisterExtension
    final RunningApi server = RunningApi.start();
    private final String[] clock;

    DeviceWritesV2Test() {
        server.putEmployee("E-1", "Ada Lovelace");
        clock = server.keyFor(Role.DEVICE).toArray(String[]::new);
    }

    @Test
    void aCreationIsA201WithItsLocationAndWhatTheDeviceSentButNoETag() {
        Reply created = server.putRecord("E-1", DAY, PUNCH, clock);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(record("E-1", DAY));
        assertThat(created.etag()).isNull();
        assertThat(created.body()).isEqualTo(SENT);
        assertThat(server.get(record("E-1", DAY)).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aReplacementOfSomeoneElsesRecordTellsNeitherItsVersionNorItsTimes() {
        server.putRecord("E-1", DAY, "{\"status\":\"Absent\"}");
        server.putRecord("E-1", DAY, "{\"status\":\"On Leave\",\"note\":\"approved by HR\"}");

        Reply replaced = server.putRecord("E-1", DAY, PUNCH, clock);
        Reply unchanged = server.putRecord("E-1", DAY, PUNCH, clock);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).isNull();
        assertThat(replaced.body()).isEqualTo(SENT);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.body()).isEqualTo(SENT);
        assertThat(server.get(record("E-1", DAY)).etag()).isEqualTo("\"3\"");
    }

    @Test
    void aFailedConditionNamesOnlyWhatTheDeviceSent() {
        server.putRecord("E-1", DAY, "{\"status\":\"Absent\"}");
        server.putRecord("E-1", DAY, "{\"status\":\"On Leave\"}");

        Reply stale = server.putRecord("E-1", DAY, PUNCH, withHeaders("If-Match", "\"1\""));
        Reply createOnly = server.putRecord("E-1", DAY, PUNCH, withHeaders("If-None-Match", "*"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("detail").asText()).isEqualTo("the stored version is not \"1\"");
        assertThat(createOnly.status()).isEqualTo(412);
        assertThat(createOnly.json().get("detail").asText()).isEqualTo("it exists already");
        assertThat(server.get(record("E-1", DAY)).json().get("status").asText()).isEqualTo("On Leave");
    }

    @Test
    void anUnknownEmployeeIsA404NamingOnlyTheIdSent() {
        Reply missing = server.putRecord("E-9", DAY, PUNCH, clock);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).isEqualTo("no employee E-9");
    }

    @Test
    void aCallerThatMayReadTheRecordStillGetsItWhole() {
        Reply created = server.putRecord("E-1", DAY, PUNCH);

        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.json().get("version").asLong()).isEqualTo(1);
        assertThat(created.json().has("createdAt")).isTrue();
    }

    private String[] withHeaders(String... headers) {
        String[] all = new String[clock.length + headers.length];
        System.arraycopy(clock, 0, all, 0, clock.length);
        System.arraycopy(headers, 0, all, clock.length, headers.length);
        return all;
    }
}
