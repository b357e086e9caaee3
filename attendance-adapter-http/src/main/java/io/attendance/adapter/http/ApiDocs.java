package io.attendance.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;

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

    private final byte[] openApi;
    private final byte[] uiPage;
    private final String swaggerUiDirectory;

    private ApiDocs(byte[] openApi, byte[] uiPage, String swaggerUiDirectory) {
        this.openApi = openApi;
        this.uiPage = uiPage;
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
        ctx.contentType("text/html; charset=utf-8").result(uiPage);
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
