package io.attendance.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads JSON request bodies, and only when the request says they are JSON: a page of another site
 * may send a form or {@code text/plain} across origins without asking first (no CORS preflight),
 * but never {@code application/json}, so a route that insists on it cannot be written to from
 * there. A request of another type is answered 415.
 *
 * <p>Bodies are read up to the configured limit. A larger body is answered 413 on a connection
 * the client can still read: the excess is read and thrown away first (up to {@link #DRAIN_LIMIT}),
 * because a server that closes a socket with unread data makes the kernel send a reset that can
 * destroy the 413 before the client reads it.
 */
final class RequestBodies {
    /** Beyond this many bytes an oversized body is not drained: the 413 closes the connection. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    /** The 415's detail: the Content-Type the request had, empty when it had none. */
    static final String RECEIVED_TYPE = "receivedContentType";
    private static final String JSON_TYPE = "application/json";

    private final long maxBytes;

    RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body of a request whose Content-Type is {@code application/json}, with or without parameters
     * such as {@code charset}, in any case.
     *
     * @throws HttpResponseException 415 for any other Content-Type or none; 413 when the body is
     *     larger than the limit
     * @throws IOException when the client stops sending
     */
    byte[] json(Context ctx) throws IOException {
        return read(ctx, false);
    }

    /** Like {@link #json}, but a request without a Content-Type is read as JSON too: older clients send none. */
    byte[] jsonOrUntyped(Context ctx) throws IOException {
        return read(ctx, true);
    }

    private byte[] read(Context ctx, boolean untypedAccepted) throws IOException {
        // read first, so that a refused request leaves no unread bytes that would reset the connection
        byte[] body = readWithinLimit(ctx);
        String type = ctx.req().getContentType();
        if (type == null ? !untypedAccepted : !isJson(type)) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "Content-Type is not JSON",
                    Map.of(RECEIVED_TYPE, type == null ? "" : type));
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.strip().equalsIgnoreCase(JSON_TYPE);
    }

    private byte[] readWithinLimit(Context ctx) throws IOException {
        HttpServletRequest request = ctx.req();
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            if (!expectsContinue(request)) {
                // the client is already sending the body it announced: take it, then refuse it
                drainOrClose(ctx, request.getInputStream(), declared);
            }
            throw tooLarge();
        }
        InputStream in = request.getInputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
            total += n;
            if (total > maxBytes) {
                drainOrClose(ctx, in, -1);
                throw tooLarge();
            }
            body.write(chunk, 0, n);
        }
        return body.toByteArray();
    }

    private HttpResponseException tooLarge() {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "Request body exceeds " + maxBytes + " bytes");
    }

    private static boolean expectsContinue(HttpServletRequest request) {
        String expect = request.getHeader(Header.EXPECT);
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    private static void drainOrClose(Context ctx, InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT || !drain(in)) {
            ctx.header(Header.CONNECTION, "close");
        }
    }

    /** Reads and discards what is left of the body; false when more than {@link #DRAIN_LIMIT} remained. */
    private static boolean drain(InputStream in) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long drained = 0;
        for (int n = in.read(sink); n != -1; n = in.read(sink)) {
            drained += n;
            if (drained > DRAIN_LIMIT) {
                return false;
            }
        }
        return true;
    }
}
