package io.attendance.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.writing.Written;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** How v2 answers success: JSON bodies, the ETag of single resources, 201 + Location, 304 and 204. */
final class V2Responses {
    private final ObjectMapper json;

    V2Responses(ObjectMapper json) {
        this.json = json;
    }

    void ok(Context ctx, Object body) throws JsonProcessingException {
        send(ctx, HttpStatus.OK, body);
    }

    /** A single resource at {@code version}: 304 without a body when the client's copy is current. */
    <T> void single(Context ctx, T resource, long version, Function<T, ?> view) throws JsonProcessingException {
        ctx.header(Header.ETAG, V2Conditions.etag(version));
        if (V2Conditions.notModified(ctx, version)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        send(ctx, HttpStatus.OK, view.apply(resource));
    }

    /** The answer to a PUT: 201 with its Location when it created the resource, else 200; the ETag either way. */
    <T> void written(Context ctx, Written<T> written, ToLongFunction<T> version, Function<T, ?> view, String location)
            throws JsonProcessingException {
        ctx.header(Header.ETAG, V2Conditions.etag(version.applyAsLong(written.value())));
        sendWritten(ctx, written, location, json.writeValueAsBytes(view.apply(written.value())));
    }

    /**
     * The answer to a PUT for a caller that may not read what it wrote: as {@link #written}, without
     * the ETag, and showing of the view only what the caller sent: not the members marked
     * {@link ForReaders}, which tell what was stored before or around it.
     */
    <T> void writtenAsSent(Context ctx, Written<T> written, Function<T, ?> view, String location)
            throws JsonProcessingException {
        sendWritten(ctx, written, location, json.writerWithView(AsSent.class).writeValueAsBytes(view.apply(written.value())));
    }

    /** Marks a view's members that only a caller who may read the resource is shown (a Jackson view). */
    interface ForReaders {
    }

    /** The Jackson view of what a caller sent: every member but those marked {@link ForReaders}. */
    private interface AsSent {
    }

    private void sendWritten(Context ctx, Written<?> written, String location, byte[] body) {
        if (written.created()) {
            ctx.header(Header.LOCATION, location);
        }
        ctx.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK).contentType(JsonMapping.JSON).result(body);
    }

    /** 201 with the Location of what a POST created. */
    void created(Context ctx, String location, Object body) throws JsonProcessingException {
        ctx.header(Header.LOCATION, location);
        send(ctx, HttpStatus.CREATED, body);
    }

    void noContent(Context ctx) {
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void send(Context ctx, HttpStatus status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType(JsonMapping.JSON).result(json.writeValueAsBytes(body));
    }
}
