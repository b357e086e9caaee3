package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies are read only from requests that say they are JSON, which a page of another site cannot
 * send without a CORS preflight; v1 create alone also takes a request without a Content-Type.
 */
class RequestContentTypeTest {
    private static final String EMPLOYEE = "{\"name\":\"Ada\"}";
    private static final String RECORD = "{\"status\":\"Present\"}";
    private static final String BATCH = "[{\"employeeId\":\"E-1\",\"date\":\"2026-11-20\",\"status\":\"Present\"}]";
    private static final String CREATE = "{\"id\":\"E-1\",\"name\":\"Ada\",\"status\":\"Present\",\"date\":\"2026-11-27\"}";

    @RegisterExtension
    final RunningApi server = RunningApi.start();

    static Stream<Arguments> v2BodiesOfAnotherType() {
        return Stream.of("text/plain", "application/x-www-form-urlencoded", "application/jsonp", "").flatMap(type -> Stream.of(
                Arguments.of("PUT", RunningApi.employee("E-1"), EMPLOYEE, type),
                Arguments.of("PUT", RunningApi.record("E-1", "2026-11-20"), RECORD, type),
                Arguments.of("POST", V2Paths.BATCH, BATCH, type)));
    }

    @ParameterizedTest(name = "{0} {1} as ''{3}''")
    @MethodSource("v2BodiesOfAnotherType")
    void aV2BodyThatIsNotJsonIsA415ProblemAndStoresNothing(String method, String path, String body, String type) {
        server.putEmployee("E-1", "Ada");

        Reply refused = sendOfAnotherType(method, path, body, type);

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Unsupported Media Type");
        assertThat(refused.json().get("detail").asText()).isEqualTo(type.isEmpty()
                ? "Content-Type must be application/json, the request had none"
                : "Content-Type must be application/json, was '" + type + "'");
        assertThat(server.get(RunningApi.record("E-1", "2026-11-20")).status()).isEqualTo(404);
        assertThat(server.get(RunningApi.employee("E-1")).etag()).isEqualTo("\"1\"");
    }

    @Test
    void aCharsetNoOneKnowsIsIgnoredLikeAnyOtherParameter() {
        // JSON is UTF-8 whatever a charset says (RFC 8259 §11); the type is read from the header as sent
        assertThat(send("PUT", RunningApi.employee("E-1"), EMPLOYEE, "application/json; charset=ebcdic").status())
                .isEqualTo(201);
        assertThat(send("POST", V1AttendanceEndpoints.CREATE, CREATE, "application/json;charset=\"no such\"").status())
                .isEqualTo(200);
        Reply refused = sendOfAnotherType("PUT", RunningApi.record("E-1", "2026-11-20"), RECORD, "text/plain; charset=ebcdic");
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("Content-Type must be application/json, was 'text/plain; charset=ebcdic'");
    }

    @Test
    void jsonWithParametersInAnyCaseIsRead() {
        assertThat(send("PUT", RunningApi.employee("E-1"), EMPLOYEE, "application/json;charset=UTF-8").status()).isEqualTo(201);
        assertThat(send("PUT", RunningApi.record("E-1", "2026-11-20"), RECORD, "Application/JSON ; charset=utf-8").status())
                .isEqualTo(201);
        assertThat(send("POST", V2Paths.BATCH, BATCH, "APPLICATION/JSON").status()).isEqualTo(200);
        assertThat(send("POST", V1AttendanceEndpoints.CREATE, CREATE, "application/json; charset=utf-8").status())
                .isEqualTo(200);
    }

    @Test
    void aV1CreateWithoutContentTypeIsReadAsJson() {
        Reply created = send("POST", V1AttendanceEndpoints.CREATE, CREATE, "");

        assertThat(created.status()).isEqualTo(200);
        assertThat(server.search("E-1").status()).isEqualTo(200);
    }

    @Test
    void aV1CreateOfAnotherTypeIsA415InTheV1ShapeAndStoresNothing() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded"}) {
            Reply refused = sendOfAnotherType("POST", V1AttendanceEndpoints.CREATE, CREATE, type);

            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/json");
            assertThat(refused.body()).isEqualTo("{\"message\":\"Content-Type must be application/json, was '" + type + "'\"}");
        }
        assertThat(server.search("E-1").status()).isEqualTo(404);
    }

    /** Sends the body with the given Content-Type, none when it is empty. */
    private Reply send(String method, String path, String body, String type) {
        return send(server, method, path, body, type);
    }

    /** Sends the body with a Content-Type the document does not allow there, on purpose. */
    private Reply sendOfAnotherType(String method, String path, String body, String type) {
        return send(server.deliberatelyInvalid(), method, path, body, type);
    }

    private static Reply send(RunningApi server, String method, String path, String body, String type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return server.send(type.isEmpty() ? request : request.header("Content-Type", type));
    }
}
