package io.attendance.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.attendance.application.CheckHealth;
import io.attendance.application.records.ListingOutput;
import io.attendance.application.records.LookUpAttendance;
import io.attendance.application.records.RecordAttendance;
import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.CachedReads;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The OT-Microservices v1 attendance contract, kept exactly: paths, field names and message text. */
final class V1AttendanceEndpoints {
    static final String PREFIX = "/api/v1/attendance";
    static final String CREATE = PREFIX + "/create";
    static final String SEARCH = PREFIX + "/search";
    static final String SEARCH_ALL = PREFIX + "/search/all";
    static final String HEALTH = PREFIX + "/health";
    static final String HEALTH_DETAIL = PREFIX + "/health/detail";

    static final String HEALTHY = "Attendance API is running fine and ready to serve requests";
    static final String UNHEALTHY = "Attendance API is not healthy, please check logs";
    /** The original's text: its f-string ends with the (empty) id, hence the trailing space. */
    static final String MISSING_ID = "Unable to process request, please check query params ";

    private final ObjectMapper json;
    private final ObjectWriter recordWriter;
    private final RequestBodies bodies;
    private final RecordAttendance recordAttendance;
    private final LookUpAttendance lookUpAttendance;
    private final CheckHealth checkHealth;
    private final GzippedCopy gzippedListing = new GzippedCopy();

    V1AttendanceEndpoints(ObjectMapper json, RequestBodies bodies, RecordAttendance recordAttendance,
            LookUpAttendance lookUpAttendance, CheckHealth checkHealth) {
        this.json = json;
        this.recordWriter = json.writerFor(V1AttendanceView.class);
        this.bodies = bodies;
        this.recordAttendance = recordAttendance;
        this.lookUpAttendance = lookUpAttendance;
        this.checkHealth = checkHealth;
    }

    void create(Context ctx) throws IOException {
        RecordAttendanceCommand command = V1CreateRequest.parse(json, bodies.jsonOrUntyped(ctx));
        AttendanceRecord created = recordAttendance.record(command, AccessControl.actor(ctx));
        respond(ctx, HttpStatus.OK, new V1MessageBody(
                "Successfully created the record for the employee id: $" + created.employeeId().value()));
    }

    /** The cache entry {@link #search} reads: the latest record of the employee the query names. */
    static CacheKey<?> firstReadOfSearch(Context ctx) {
        return CachedReads.latestAttendance(new EmployeeId(ctx.queryParam("id")));
    }

    void search(Context ctx) throws IOException {
        String id = ctx.queryParam("id");
        if (id == null || id.isEmpty()) {
            // part of the v1 contract itself (its exact text), not an error mapping: answered here
            respond(ctx, HttpStatus.BAD_REQUEST, new V1MessageBody(MISSING_ID));
            return;
        }
        EmployeeId employeeId = new EmployeeId(id);
        EmployeeAttendance latest = lookUpAttendance.latestOf(employeeId)
                .orElseThrow(() -> new NotFound("No attendance record found for the employee id: " + employeeId.value()));
        respond(ctx, HttpStatus.OK, V1AttendanceView.of(latest));
    }

    /**
     * Writes the array element by element as the use case hands records over, or in one piece from
     * the cache: memory stays constant whatever the row count. Nothing is written before the first
     * record arrives, so a failure to start (the database is down) is still answered with a proper
     * error status. A client that accepts gzip gets it either way: Javalin compresses the stream, and
     * the serialised listing is answered from a copy compressed once (see {@link GzippedCopy}).
     */
    void searchAll(Context ctx) {
        // added, not set: the CORS rule may have sent Vary: Origin already
        ctx.res().addHeader(Header.VARY, Header.ACCEPT_ENCODING);
        lookUpAttendance.writeAll(new StreamedArray(ctx));
    }

    /** From a probe at most a second old: front-ends and load balancers poll it often. */
    void health(Context ctx) throws IOException {
        boolean up = checkHealth.recent().databaseUp();
        respond(ctx, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, new V1MessageBody(up ? HEALTHY : UNHEALTHY));
    }

    void healthDetail(Context ctx) throws IOException {
        CheckHealth.HealthReport report = checkHealth.check();
        boolean up = report.databaseUp();
        respond(ctx, up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, new V1HealthDetailView(
                up ? HEALTHY : UNHEALTHY,
                V1HealthDetailView.upOrDown(report.databaseUp()),
                V1HealthDetailView.upOrDown(report.cacheUp()),
                V1HealthDetailView.upOrDown(up)));
    }

    private void respond(Context ctx, HttpStatus status, Object body) throws IOException {
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            ErrorResponses.retryLater(ctx);
        }
        ctx.status(status).contentType(JsonMapping.JSON).result(json.writeValueAsBytes(body));
    }

    /** The JSON array of every record, streamed to the response, and copied for the cache while asked to. */
    private final class StreamedArray implements ListingOutput<EmployeeAttendance> {
        private final Context ctx;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private JsonGenerator generator;

        StreamedArray(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public void write(EmployeeAttendance attendance) {
            try {
                if (generator == null) {
                    open();
                }
                recordWriter.writeValue(generator, V1AttendanceView.of(attendance));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Javalin compresses no answer that already has a Content-Encoding, so the gzipped copy is sent
         * as it is; a client that does not ask for gzip gets the listing's bytes untouched.
         */
        @Override
        public void writeSerialised(byte[] listing) {
            ctx.status(HttpStatus.OK).contentType(JsonMapping.JSON);
            if (GzippedCopy.accepted(ctx.header(Header.ACCEPT_ENCODING))) {
                ctx.header(Header.CONTENT_ENCODING, GzippedCopy.GZIP).result(gzippedListing.of(listing));
            } else {
                ctx.result(listing);
            }
        }

        @Override
        public void forgetCopy() {
            copy = null;
        }

        @Override
        public Optional<byte[]> finish() {
            try {
                if (generator == null) {
                    open();
                }
                generator.writeEndArray();
                generator.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.ofNullable(copy).map(ByteArrayOutputStream::toByteArray);
        }

        private void open() throws IOException {
            ctx.status(HttpStatus.OK).contentType(JsonMapping.JSON);
            ErrorResponses.markBodyStarted(ctx);
            generator = json.getFactory().createGenerator(new Copying(ctx.outputStream()));
            generator.writeStartArray();
        }

        /** The response stream, whose bytes also go to the copy while there is one. */
        private final class Copying extends FilterOutputStream {
            Copying(OutputStream response) {
                super(response);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                if (copy != null) {
                    copy.write(bytes, offset, length);
                }
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        }
    }
}
