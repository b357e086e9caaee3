package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.EmployeeService;
import io.attendance.application.Precondition;
import io.attendance.application.PutEmployeeCommand;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

/** v2 employees: {@code PUT/GET/DELETE /api/v2/employees/{id}} and the filtered, paginated listing. */
final class EmployeesV2Endpoints {
    static final String COLLECTION = "/api/v2/employees";
    static final String ID = "id";
    static final String ONE = COLLECTION + "/{" + ID + "}";

    private final ObjectMapper json;
    private final RequestBodies bodies;
    private final V2Responses responses;
    private final EmployeeService employees;
    private final ZoneId defaultTimezone;

    EmployeesV2Endpoints(ObjectMapper json, RequestBodies bodies, EmployeeService employees, ZoneId defaultTimezone) {
        this.json = json;
        this.bodies = bodies;
        this.responses = new V2Responses(json);
        this.employees = employees;
        this.defaultTimezone = defaultTimezone;
    }

    static String location(EmployeeId id) {
        return COLLECTION + "/" + id.value();
    }

    void put(Context ctx) throws IOException {
        PutEmployeeCommand command = V2Bodies.employee(json, bodies.read(ctx), ctx.pathParam(ID), defaultTimezone);
        Precondition precondition = Conditions.forWrite(ctx, () -> versionOf(command.id()));
        responses.written(ctx, employees.put(command, precondition), Employee::version, EmployeeView::of,
                location(command.id()));
    }

    void get(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId id = parameters.pathEmployeeId(ID);
        parameters.complete();
        Employee employee = employees.get(id);
        responses.single(ctx, employee, employee.version(), EmployeeView::of);
    }

    /** Deactivates: the employee and their records stay, so the answer carries the new ETag. */
    void delete(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx);
        EmployeeId id = parameters.pathEmployeeId(ID);
        parameters.complete();
        Employee deactivated = employees.deactivate(id, Conditions.forWrite(ctx, () -> versionOf(id)));
        ctx.header(Header.ETAG, Conditions.etag(deactivated.version()));
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
        responses.ok(ctx, PageView.of(employees.list(query, cursor, limit), EmployeeView::of));
    }

    /** The stored version, for an If-Match that lists several. */
    private Optional<Long> versionOf(EmployeeId id) {
        try {
            return Optional.of(employees.get(id).version());
        } catch (NotFound absent) {
            return Optional.empty();
        }
    }
}
