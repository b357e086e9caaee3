package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.employees.EmployeeReads;
import io.attendance.application.employees.EmployeeWrites;
import io.attendance.application.employees.PutEmployeeCommand;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

/** v2 employees: {@code PUT/GET/DELETE /api/v2/employees/{id}} and the filtered, paginated listing. */
final class V2EmployeeEndpoints {
    private final ObjectMapper json;
    private final RequestBodies bodies;
    private final V2Responses responses;
    private final EmployeeWrites writes;
    private final EmployeeReads reads;
    private final ZoneId defaultTimezone;

    V2EmployeeEndpoints(ObjectMapper json, RequestBodies bodies, EmployeeWrites writes, EmployeeReads reads,
            ZoneId defaultTimezone) {
        this.json = json;
        this.bodies = bodies;
        this.responses = new V2Responses(json);
        this.writes = writes;
        this.reads = reads;
        this.defaultTimezone = defaultTimezone;
    }

    void put(Context ctx) throws IOException {
        PutEmployeeCommand command = V2Bodies.employee(json, bodies.json(ctx), ctx.pathParam(V2Paths.EMPLOYEE_ID), defaultTimezone);
        responses.written(ctx, writes.put(command, V2Conditions.forWrite(ctx), AccessControl.actor(ctx)), Employee::version,
                V2EmployeeView::of, V2Paths.employee(command.id()));
    }

    void get(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId id = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        parameters.complete();
        Employee employee = reads.get(id);
        responses.single(ctx, employee, employee.version(), V2EmployeeView::of);
    }

    /** Deactivates: the employee and their records stay, so the answer carries the new ETag. */
    void delete(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId id = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        parameters.complete();
        Employee deactivated = writes.deactivate(id, V2Conditions.forWrite(ctx), AccessControl.actor(ctx));
        ctx.header(Header.ETAG, V2Conditions.etag(deactivated.version()));
        responses.noContent(ctx);
    }

    void list(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        Optional<String> department = parameters.text("department");
        Optional<Boolean> active = parameters.bool("active");
        Optional<String> namePrefix = parameters.text("q");
        Optional<Integer> limit = parameters.limit();
        Optional<String> cursor = parameters.cursor();
        parameters.complete();
        EmployeeQuery query = new EmployeeQuery(department, active, namePrefix);
        responses.ok(ctx, V2PageView.of(reads.list(query, cursor, limit), V2EmployeeView::of));
    }

    void history(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId id = parameters.pathEmployeeId(V2Paths.EMPLOYEE_ID);
        Optional<Integer> limit = parameters.limit();
        Optional<String> cursor = parameters.cursor();
        parameters.complete();
        responses.ok(ctx, V2PageView.of(reads.history(id, cursor, limit), V2EmployeeAuditEventView::of));
    }
}
