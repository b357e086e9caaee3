package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.records.ImportBatch;
import io.attendance.application.records.PutRecordCommand;
import io.attendance.application.records.RecordReads;
import io.attendance.application.records.RecordWrites;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.Forbidden;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Permission;
import io.attendance.domain.model.WorkDate;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * v2 daily records: one per employee per date under {@code /api/v2/employees/{id}/attendance/{date}}
 * with its history, an employee's range, the cross-employee search, and the atomic batch. A caller
 * that writes records it may not read (a DEVICE) is answered what it sent, as stored, and no more.
 */
final class V2RecordEndpoints {
    private final ObjectMapper json;
    private final RequestBodies bodies;
    private final V2Responses responses;
    private final RecordWrites writes;
    private final RecordReads reads;
    private final ImportBatch importBatch;

    V2RecordEndpoints(ObjectMapper json, RequestBodies bodies, RecordWrites writes, RecordReads reads,
            ImportBatch importBatch) {
        this.json = json;
        this.bodies = bodies;
        this.responses = new V2Responses(json);
        this.writes = writes;
        this.reads = reads;
        this.importBatch = importBatch;
    }

    void put(Context ctx) throws IOException {
        PutRecordCommand command = V2Bodies.record(
                json, bodies.json(ctx), ctx.pathParam(V2Paths.EMPLOYEE_ID), ctx.pathParam(V2Paths.DATE));
        Written<AttendanceRecord> written = writes.put(command, V2Conditions.forWrite(ctx), AccessControl.actor(ctx));
        String location = V2Paths.record(command.employeeId(), command.date());
        if (AccessControl.caller(ctx).mayOn(Permission.READ_ATTENDANCE, command.employeeId())) {
            responses.written(ctx, written, AttendanceRecord::version, V2RecordView::of, location);
        } else {
            // a DEVICE writes what it may not read: it learns what it sent, as stored, and nothing else
            responses.writtenAsSent(ctx, written, V2RecordView::of, location);
        }
    }

    void get(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        WorkDate date = parameters.pathDate(V2Paths.DATE);
        parameters.complete();
        AttendanceRecord record = reads.get(employeeId, date);
        responses.single(ctx, record, record.version(), V2RecordView::of);
    }

    void delete(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        WorkDate date = parameters.pathDate(V2Paths.DATE);
        parameters.complete();
        writes.delete(employeeId, date, V2Conditions.forWrite(ctx), AccessControl.actor(ctx));
        responses.noContent(ctx);
    }

    void ofEmployee(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        WorkDate from = parameters.requiredDate("from");
        WorkDate to = parameters.requiredDate("to");
        parameters.complete();
        responses.ok(ctx, reads.ofEmployee(employeeId, from, to).stream().map(V2RecordView::of).toList());
    }

    void search(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        WorkDate from = parameters.requiredDate("from");
        WorkDate to = parameters.requiredDate("to");
        Optional<EmployeeId> employeeId = ownOrAsked(ctx, parameters.employeeId("employeeId"));
        Optional<String> department = parameters.text("department");
        Optional<AttendanceStatus> status = parameters.status("status");
        Optional<Instant> updatedSince = parameters.instant("updatedSince");
        Optional<Integer> limit = parameters.limit();
        Optional<String> cursor = parameters.cursor();
        parameters.complete();
        AttendanceQuery query = new AttendanceQuery(from, to, employeeId, department, status, updatedSince);
        responses.ok(ctx, V2PageView.of(reads.search(query, cursor, limit), V2RecordView::of));
    }

    /**
     * The employee a search reads: for a caller limited to its own employee, that one (asking for
     * another is refused, not silently narrowed), else the one asked for, if any.
     */
    private static Optional<EmployeeId> ownOrAsked(Context ctx, Optional<EmployeeId> asked) {
        Optional<EmployeeId> own = AccessControl.limitedTo(ctx, Permission.READ_ATTENDANCE);
        if (own.isPresent() && asked.filter(id -> !id.equals(own.get())).isPresent()) {
            throw new Forbidden("the search may read only the employee " + own.get());
        }
        return own.isPresent() ? own : asked;
    }

    void history(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        WorkDate date = parameters.pathDate(V2Paths.DATE);
        Optional<Integer> limit = parameters.limit();
        Optional<String> cursor = parameters.cursor();
        parameters.complete();
        responses.ok(ctx, V2PageView.of(reads.history(employeeId, date, cursor, limit), V2AuditEventView::of));
    }

    void batch(Context ctx) throws IOException {
        List<ImportBatch.Item> items = V2Bodies.batch(json, bodies.json(ctx));
        responses.ok(ctx, V2BatchOutcomeView.of(importBatch.apply(items, AccessControl.actor(ctx))));
    }
}
