package io.attendance.adapter.http;

import io.javalin.http.Header;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves every request as the method of its request line. Javalin routes a request as the method an
 * {@code X-HTTP-Method-Override} header names, so a GET, which a link or an image makes a browser send
 * from any page, could deactivate an employee; this hides that header from Javalin. No other override
 * ({@code X-HTTP-Method}, {@code X-Method-Override}, a {@code _method} parameter) is read by Javalin or
 * Jetty.
 */
final class RequestLineMethod extends Handler.Wrapper {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (!headers.contains(Header.X_HTTP_METHOD_OVERRIDE)) {
            return super.handle(request, response, callback);
        }
        HttpFields withoutOverride = HttpFields.build(headers).remove(Header.X_HTTP_METHOD_OVERRIDE).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return withoutOverride;
            }
        }, response, callback);
    }
}
