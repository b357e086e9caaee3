package io.attendance.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads JSON request bodies, and only when the request says they are JSON: a page of another site
 * may send a form or {@code text/plain} across origins without asking first (no CORS preflight),
 * but never {@code application/json}, so a route that insists on it cannot be written to from
 * there. A request of another type is answered 415.
 *
 * <p>Bodies are read within three bounds:
 * <ul>
 *   <li>size: a body larger than the limit is answered 413 on a connection the client can still
 *   read: the excess is read and thrown away first (up to {@link #DRAIN_LIMIT}), because a server
 *   that closes a socket with unread data makes the kernel send a reset that can destroy the 413
 *   before the client reads it;</li>
 *   <li>time: a body that has not arrived whole within the timeout is answered 408, and its
 *   connection closed;</li>
 *   <li>memory: the buffers of all bodies being read at once share one budget of bytes, and grow
 *   with the bytes that arrive, never to what a client merely announced; a body that finds the
 *   budget spent is answered 503 at once rather than waiting for memory.</li>
 * </ul>
 *
 * <p>The deadline is enforced here rather than by Jetty: the connector's idle timeout restarts with
 * every byte, so one byte every few seconds keeps a body open for ever, and Jetty's minimum
 * request data rate is measured from the first byte and still lets a client at that rate take the
 * size limit divided by the rate. Before each blocking read, the connection's idle timeout is
 * lowered to the time the body has left, so that no read can wait past the deadline.
 */
final class RequestBodies {
    /** Beyond this many bytes an oversized body is not drained: the 413 closes the connection. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    /** The first buffer of a body; it doubles as bytes arrive. */
    static final int INITIAL_CAPACITY = 8 * 1024;
    /** Budget is freed as soon as the bodies being read are whole, usually well within a second. */

    /** The bytes held by the buffers of the bodies being read, for operators watching the budget. */
    static final String BUFFERED_GAUGE = "http.server.request.bodies.buffered";

    /** The 415's detail: the Content-Type the request had, empty when it had none. */
    static final String RECEIVED_TYPE = "receivedContentType";
    private static final String JSON_TYPE = "application/json";

    private final long maxBytes;
    private final Duration timeout;
    private final AtomicLong budget;

    RequestBodies(long maxBytes, Duration timeout, long budgetBytes, MeterRegistry registry) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.budget = new AtomicLong(budgetBytes);
        Gauge.builder(BUFFERED_GAUGE, budget, left -> budgetBytes - left.get())
                .baseUnit(BaseUnits.BYTES)
                .strongReference(true)
                .register(registry);
    }

    /**
     * The body of a request whose Content-Type is {@code application/json}, with or without parameters
     * such as {@code charset}, in any case.
     *
     * @throws HttpResponseException 415 for any other Content-Type or none; 413 when the body is
     *     larger than the limit, 408 when it does not arrive within the timeout, 503 when the budget
     *     cannot hold it
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
        byte[] body = readWithinBounds(ctx);
        // the header as sent: the servlet's getContentType() throws on a charset this JVM does not know
        String type = ctx.req().getHeader(Header.CONTENT_TYPE);
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

    private byte[] readWithinBounds(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        try (Reading reading = new Reading(ctx)) {
            if (declared > maxBytes) {
                throw reading.refuse(tooLarge(), declared);
            }
            long limit = declared >= 0 ? declared : maxBytes;
            byte[] buffer = reading.allocate(new byte[0], (int) Math.min(limit, INITIAL_CAPACITY));
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    if (size == limit) {
                        if (declared < 0 && reading.read(new byte[1], 0, 1) != -1) {
                            throw reading.refuse(tooLarge(), declared);
                        }
                        break;
                    }
                    buffer = reading.allocate(buffer, (int) Math.min(limit, 2L * buffer.length));
                }
                int n = reading.read(buffer, size, buffer.length - size);
                if (n == -1) {
                    break;
                }
                size += n;
            }
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
    }

    private HttpResponseException tooLarge() {
        return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), "Request body exceeds " + maxBytes + " bytes");
    }

    private static boolean expectsContinue(HttpServletRequest request) {
        String expect = request.getHeader(Header.EXPECT);
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    /** Whether a failed read is the connection's idle timeout, which {@link Reading} sets to the deadline. */
    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** One body being read: its deadline, the budget it holds, and the connection's own idle timeout. */
    private final class Reading implements AutoCloseable {
        private final Context ctx;
        private final EndPoint endPoint;
        private final long idleTimeoutMillis;
        private final long deadline;
        private long reserved;
        private boolean started;

        Reading(Context ctx) {
            this.ctx = ctx;
            this.endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint();
            this.idleTimeoutMillis = endPoint.getIdleTimeout();
            this.deadline = System.nanoTime() + timeout.toNanos();
        }

        /** A buffer of the given capacity holding what {@code buffer} holds, paid from the budget. */
        byte[] allocate(byte[] buffer, int capacity) throws IOException {
            long more = capacity - buffer.length;
            for (long left = budget.get(); ; left = budget.get()) {
                if (left < more) {
                    throw refuse(new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                            "Too many request bodies are being read"), ctx.req().getContentLengthLong());
                }
                if (budget.compareAndSet(left, left - more)) {
                    reserved += more;
                    return Arrays.copyOf(buffer, capacity);
                }
            }
        }

        /** Reads as {@link InputStream#read(byte[], int, int)} does, but never past the deadline. */
        int read(byte[] into, int offset, int length) throws IOException {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut();
            }
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(left) + 1;
            endPoint.setIdleTimeout(idleTimeoutMillis > 0 ? Math.min(idleTimeoutMillis, leftMillis) : leftMillis);
            try {
                // asked for here, not before: getting the stream sends a waiting client 100 Continue
                int n = ctx.req().getInputStream().read(into, offset, length);
                started |= n > 0;
                return n;
            } catch (IOException e) {
                if (causedByTimeout(e)) {
                    throw timedOut();
                }
                throw e;
            }
        }

        /**
         * The refusal, once the rest of the body is drained, or with the connection marked to close
         * when draining would take too long. A client that waits for {@code 100 Continue} has sent
         * nothing yet, and is refused at once.
         */
        HttpResponseException refuse(HttpResponseException refusal, long declared) throws IOException {
            if ((started || !expectsContinue(ctx.req())) && (declared > DRAIN_LIMIT || !drained())) {
                ctx.header(Header.CONNECTION, "close");
            }
            return refusal;
        }

        /** Reads and discards what is left of the body; false when more than {@link #DRAIN_LIMIT} or the deadline passed. */
        private boolean drained() throws IOException {
            byte[] sink = new byte[16 * 1024];
            long drained = 0;
            try {
                for (int n = read(sink, 0, sink.length); n != -1; n = read(sink, 0, sink.length)) {
                    drained += n;
                    if (drained > DRAIN_LIMIT) {
                        return false;
                    }
                }
                return true;
            } catch (HttpResponseException timedOut) {
                return false;
            }
        }

        /** Jetty closes the connection after the answer by itself, since the body was not read to its end. */
        private HttpResponseException timedOut() {
            return new HttpResponseException(HttpStatus.REQUEST_TIMEOUT.getCode(),
                    "Request body not received within " + timeout.toSeconds() + " s");
        }

        @Override
        public void close() {
            endPoint.setIdleTimeout(idleTimeoutMillis);
            budget.addAndGet(reserved);
        }
    }
}
