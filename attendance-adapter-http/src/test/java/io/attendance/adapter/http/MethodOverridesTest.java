package io.attendance.adapter.http;

import static io.attendance.adapter.http.RunningApi.employee;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request is served as the method of its request line: no header or parameter turns a GET, which
 * any page can make a browser send, into a write.
 */
class MethodOverridesTest {
    @RegisterExtension
    final RunningApi server = RunningApi.start();

    @BeforeEach
    void adaIsAnActiveEmployee() {
        server.putEmployee("E-1", "Ada");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void aGetNamingDeleteInAHeaderIsAGet(String header) {
        Reply read = server.get(employee("E-1"), header, "DELETE");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("active").asBoolean()).isTrue();
        assertThat(server.get(employee("E-1")).json().get("active").asBoolean()).isTrue();
        assertThat(server.get(employee("E-1")).etag()).isEqualTo("\"1\"");
    }

    @Test
    void aGetNamingDeleteInAParameterIsAGet() {
        Reply read = server.deliberatelyInvalid().get(employee("E-1") + "?_method=DELETE");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("active").asBoolean()).isTrue();
        assertThat(server.get(employee("E-1")).etag()).isEqualTo("\"1\"");
    }

    @Test
    void aPostNamingPutIsAPostThatNoRouteTakes() {
        Reply post = server.post(employee("E-2"), "{\"name\":\"Bob\"}", "X-HTTP-Method-Override", "PUT");

        assertThat(post.status()).isEqualTo(405);
        assertThat(server.get(employee("E-2")).status()).isEqualTo(404);
    }
}
