package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.AttendanceService;
import io.attendance.application.Precondition;
import io.attendance.application.PutRecordCommand;
import io.attendance.application.Written;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * v2 daily records: one per employee per date under {@code /api/v2/employees/{id}/attendance/{date}}
 * with its history, an employee's range, the cross-employee search, and the atomic batch.
 */
final class AttendanceV2Endpoints {
    static final String DATE = "date";
    static final String OF_EMPLOYEE = EmployeesV2Endpoints.ONE + "/attendance";
    static final String ONE = OF_EMPLOYEE + "/{" + DATE + "}";
    static final String HISTORY = ONE + "/history";
    static final String SEARCH = "/api/v2/attendance";
    static final String BATCH = SEARCH + "/batch";

    private final ObjectMapper json;
    private final RequestBodies bodies;
    private final V2Responses responses;
    private final AttendanceService attendance;

    AttendanceV2Endpoints(ObjectMapper json, RequestBodies bodies, AttendanceService attendance) {
        this.json = json;
        this.bodies = bodies;
        this.responses = new V2Responses(json);
        this.attendance = attendance;
    }

    static String location(AttendanceRecord record) {
        return EmployeesV2Endpoints.location(record.employeeId()) + "/attendance/" + record.date();
    }

    void put(Context ctx) throws IOException {
        PutRecordCommand command = V2Bodies.record(
                json, bodies.read(ctx), ctx.pathParam(EmployeesV2Endpoints.ID), ctx.pathParam(DATE));
        Precondition precondition = Conditions.forWrite(ctx, () -> versionOf(command.employeeId(), command.date()));
        Written<AttendanceRecord> written = attendance.put(command, precondition, Actors.of(ctx));
        responses.written(ctx, written, AttendanceRecord::version, RecordView::of, location(written.value()));
    }

    void get(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(EmployeesV2Endpoints.ID);
        WorkDate date = parameters.pathDate(DATE);
        parameters.complete();
        AttendanceRecord record = attendance.get(employeeId, date);
        responses.single(ctx, record, record.version(), RecordView::of);
    }

    void delete(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(EmployeesV2Endpoints.ID);
        WorkDate date = parameters.pathDate(DATE);
        parameters.complete();
        attendance.delete(employeeId, date, Conditions.forWrite(ctx, () -> versionOf(employeeId, date)), Actors.of(ctx));
        responses.noContent(ctx);
    }

    void ofEmployee(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(EmployeesV2Endpoints.ID);
        WorkDate from = parameters.requiredDate("from");
        WorkDate to = parameters.requiredDate("to");
        parameters.complete();
        responses.ok(ctx, attendance.ofEmployee(employeeId, from, to).stream().map(RecordView::of).toList());
    }

    void search(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        WorkDate from = parameters.requiredDate("from");
        WorkDate to = parameters.requiredDate("to");
        Optional<EmployeeId> employeeId = parameters.employeeId("employeeId");
        Optional<String> department = parameters.text("department");
        Optional<AttendanceStatus> status = parameters.status("status");
        Optional<Instant> updatedSince = parameters.instant("updatedSince");
        Optional<Integer> limit = parameters.limit();
        Optional<String> cursor = parameters.cursor();
        parameters.complete();
        AttendanceQuery query = new AttendanceQuery(from, to, employeeId, department, status, updatedSince);
        responses.ok(ctx, PageView.of(attendance.search(query, cursor, limit), RecordView::of));
    }

    void history(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId employeeId = parameters.pathEmployeeId(EmployeesV2Endpoints.ID);
        WorkDate date = parameters.pathDate(DATE);
        parameters.complete();
        responses.ok(ctx, attendance.history(employeeId, date).stream().map(AuditEventView::of).toList());
    }

    void batch(Context ctx) throws IOException {
        List<PutRecordCommand.Input> inputs = V2Bodies.batch(json, bodies.read(ctx));
        AttendanceService.BatchOutcome outcome;
        try {
            outcome = attendance.importBatch(inputs, Actors.of(ctx));
        } catch (ValidationFailed invalid) {
            throw V2Bodies.inBatchTerms(invalid);
        }
        responses.ok(ctx, BatchOutcomeView.of(outcome));
    }

    /** The stored version, for an If-Match that lists several. */
    private Optional<Long> versionOf(EmployeeId employeeId, WorkDate date) {
        try {
            return Optional.of(attendance.get(employeeId, date).version());
        } catch (NotFound absent) {
            return Optional.empty();
        }
    }
}
