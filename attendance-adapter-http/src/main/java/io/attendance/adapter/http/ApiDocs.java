package io.attendance.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document (a static resource of this module) and Swagger UI, served from the
 * org.webjars:swagger-ui jar: no CDN. The UI page is ours, pointed at {@value #OPENAPI}; only the
 * webjar's assets are served from the jar, not its demo page or its petstore initializer.
 */
final class ApiDocs {
    static final String OPENAPI = "/openapi.json";
    static final String UI = "/apidocs";
    static final String OPENAPI_RESOURCE = "/openapi/openapi.json";
    private static final String UI_PAGE_RESOURCE = "/apidocs/index.html";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Set<String> ASSETS = Set.of(
            "swagger-ui.css",
            "index.css",
            "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js",
            "favicon-32x32.png",
            "favicon-16x16.png",
            "oauth2-redirect.html",
            "oauth2-redirect.js");

    /** A script written in the page itself; the page's other scripts have a {@code src}. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private final byte[] openApi;
    private final byte[] uiPage;
    private final String uiPolicy;
    private final String swaggerUiDirectory;

    private ApiDocs(byte[] openApi, byte[] uiPage, String swaggerUiDirectory) {
        this.openApi = openApi;
        this.uiPage = uiPage;
        this.uiPolicy = policyFor(new String(uiPage, StandardCharsets.UTF_8));
        this.swaggerUiDirectory = swaggerUiDirectory;
    }

    static ApiDocs load() {
        Properties webjar = new Properties();
        try (InputStream in = resource(WEBJAR_PROPERTIES)) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiDocs(
                bytes(OPENAPI_RESOURCE),
                bytes(UI_PAGE_RESOURCE),
                "/META-INF/resources/webjars/swagger-ui/" + webjar.getProperty("version"));
    }

    /** Serves the Swagger UI assets under {@value #UI}/ (static files: not routes). */
    void serveAssets(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = UI;
            files.directory = swaggerUiDirectory;
            files.location = Location.CLASSPATH;
            files.precompressMaxSize = 4 * 1024 * 1024;
            files.skipFileFunction = request -> !ASSETS.contains(assetName(request.getRequestURI()));
        });
    }

    void openApi(Context ctx) {
        ctx.contentType(JsonMapping.JSON).result(openApi);
    }

    void ui(Context ctx) {
        ctx.header(Header.CONTENT_SECURITY_POLICY, uiPolicy).contentType("text/html; charset=utf-8").result(uiPage);
    }

    /**
     * What the UI page may load: the webjar's scripts, styles and images from this origin, its own
     * inline script by hash (so no other inline script runs), the document and "try it out" calls to
     * this origin. Swagger UI sets style attributes and draws icons as data: images.
     */
    static String policyFor(String page) {
        StringBuilder scripts = new StringBuilder("'self'");
        Matcher inline = INLINE_SCRIPT.matcher(page);
        while (inline.find()) {
            scripts.append(" 'sha256-").append(sha256(inline.group(1))).append('\'');
        }
        return "default-src 'none'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** "swagger-ui.css" for "/apidocs/swagger-ui.css"; anything else (sub-directories included) is no asset. */
    private static String assetName(String requestUri) {
        String prefix = UI + "/";
        return requestUri.startsWith(prefix) ? requestUri.substring(prefix.length()) : "";
    }

    private static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocs.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return in;
    }
}
