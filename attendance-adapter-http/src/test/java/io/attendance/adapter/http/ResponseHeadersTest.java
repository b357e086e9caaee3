package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.adapter.http.RunningApi.Reply;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** nosniff everywhere, no-store on the API, a content policy on the UI page, CORS only when configured. */
class ResponseHeadersTest {
    private static final String ALLOWED = "https://app.example.com";

    @Nested
    class ByDefault {
        @RegisterExtension
        final RunningApi server = RunningApi.start();

        @Test
        void apiAnswersAreNotSniffedNorStoredWhetherTheySucceedOrFail() {
            List<Reply> replies = List.of(
                    server.putEmployee("E-1", "Ada"),
                    server.get(RunningApi.employee("E-1")),
                    server.create("E-1", null, "Present", "2026-11-27"),
                    server.search("E-1"),
                    server.deliberatelyInvalid().get(V2Paths.RECORDS + "?from=2026-11-30&to=2026-11-01"),
                    server.search("E-9"),
                    server.get("/api/v2/nothing-here"),
                    server.deliberatelyInvalid().send(HttpRequest.newBuilder(server.uri(RunningApi.employee("E-2")))
                            .header("Content-Type", "text/plain")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bob\"}"))));

            assertThat(replies).extracting(Reply::status).containsExactly(201, 200, 200, 200, 400, 404, 404, 415);
            for (Reply reply : replies) {
                assertThat(reply.header("X-Content-Type-Options")).as(reply.body()).isEqualTo("nosniff");
                assertThat(reply.header("Cache-Control")).as(reply.body()).isEqualTo("no-store");
            }
        }

        @Test
        void answersWithoutContentHaveNoContentType() {
            server.putEmployee("E-1", "Ada");
            server.putRecord("E-1", "2026-11-27", "{\"status\":\"Present\"}");
            List<Reply> replies = List.of(
                    server.get(RunningApi.employee("E-1"), "If-None-Match", "\"1\""),
                    server.head(RunningApi.record("E-1", "2026-11-27"), "If-None-Match", "*"),
                    server.delete(RunningApi.record("E-1", "2026-11-27")),
                    server.delete(RunningApi.employee("E-1")),
                    server.delete(V2AccessEndpoints.API_KEYS + "/" + server.issueKey(io.attendance.domain.model.Role.DEVICE).key().id()));

            assertThat(replies).extracting(Reply::status).containsExactly(304, 304, 204, 204, 204);
            assertThat(replies).allSatisfy(reply -> assertThat(reply.headers().firstValue("Content-Type")).isEmpty());
        }

        @Test
        void everyOtherAnswerIsNotSniffedEither() throws IOException {
            assertThat(server.get("/health/live").header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(server.get("/nothing-here").header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(server.get(ApiDocs.UI + "/swagger-ui.css").header("X-Content-Type-Options")).isEqualTo("nosniff");
            String rejectedByJetty = server.raw("GET /health/live HTTP/1.1\r\nHost: localhost\r\nno header\r\n\r\n");
            assertThat(rejectedByJetty).startsWith("HTTP/1.1 400").containsIgnoringCase("X-Content-Type-Options: nosniff");
        }

        @Test
        void theUiPageMayLoadItsOwnAssetsAndInlineScriptOnly() throws NoSuchAlgorithmException {
            Reply page = server.get(ApiDocs.UI);
            String policy = page.header("Content-Security-Policy");

            assertThat(policy).startsWith("default-src 'none'; ").contains("style-src 'self' 'unsafe-inline'")
                    .contains("connect-src 'self'").doesNotContain("'unsafe-eval'");
            String scripts = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
            assertThat(scripts).doesNotContain("'unsafe-inline'");
            Matcher inline = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
            int inlineScripts = 0;
            while (inline.find()) {
                inlineScripts++;
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.group(1).getBytes(StandardCharsets.UTF_8));
                assertThat(scripts).contains("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            }
            assertThat(inlineScripts).isEqualTo(1);
            // every script, style sheet and icon comes from this origin ('self'), and is there
            Matcher loaded = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page.body());
            int assets = 0;
            while (loaded.find()) {
                assets++;
                assertThat(loaded.group(1)).startsWith("/apidocs/");
                assertThat(server.get(loaded.group(1)).status()).as(loaded.group(1)).isEqualTo(200);
            }
            assertThat(assets).isEqualTo(6);
        }

        @Test
        void noCorsHeaderIsSentWithoutConfiguredOrigins() {
            Reply read = server.get(V2Paths.EMPLOYEES, "Origin", ALLOWED);
            Reply preflight = preflight(server, ALLOWED);

            assertThat(read.status()).isEqualTo(200);
            assertThat(preflight.status()).isEqualTo(405);
            assertNoCorsHeaders(read);
            assertNoCorsHeaders(preflight);
        }
    }

    @Nested
    class WithAnOriginListed {
        @RegisterExtension
        final RunningApi server = RunningApi.start(RunningApi.SETTINGS.withCorsOrigins(List.of(ALLOWED)), records -> records);

        @Test
        void aPreflightFromTheListedOriginIsAnsweredWithTheAllowedMethodsAndHeaders() {
            Reply preflight = preflight(server, ALLOWED);

            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Content-Type")).isEmpty();
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, PUT, POST, DELETE");
            assertThat(preflight.header("Access-Control-Allow-Headers"))
                    .isEqualTo("Content-Type, If-Match, If-None-Match, Authorization, X-API-Key");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        }

        @Test
        void aCallFromTheListedOriginMayReadTheAnswerAndItsEtagAndLocation() {
            Reply written = server.put(RunningApi.employee("E-1"), "{\"name\":\"Ada\"}", "Origin", ALLOWED);

            assertThat(written.status()).isEqualTo(201);
            assertThat(written.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(written.header("Access-Control-Expose-Headers")).isEqualTo("ETag, Location");
            assertThat(written.header("Vary")).contains("Origin");
        }

        @Test
        void anotherOriginIsNotAnswered() {
            for (String other : List.of("https://evil.example.com", "https://app.example.com.evil.net", "http://app.example.com")) {
                Reply preflight = preflight(server, other);
                Reply read = server.get(V2Paths.EMPLOYEES, "Origin", other);

                assertThat(preflight.status()).as(other).isEqualTo(405);
                assertNoCorsHeaders(preflight);
                assertNoCorsHeaders(read);
            }
        }
    }

    private static Reply preflight(RunningApi server, String origin) {
        return server.send(HttpRequest.newBuilder(server.uri(RunningApi.employee("E-1")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type, if-match"));
    }

    private static void assertNoCorsHeaders(Reply reply) {
        assertThat(reply.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
}
