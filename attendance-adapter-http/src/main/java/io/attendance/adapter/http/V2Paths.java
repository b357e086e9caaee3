package io.attendance.adapter.http;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CacheKey;
import io.attendance.domain.port.CachedReads;
import io.javalin.http.Context;

/**
 * Every v2 route, its path parameters, the Location of what a PUT creates, and the cache entries
 * the path names.
 */
final class V2Paths {
    static final String EMPLOYEE_ID = "id";
    static final String DATE = "date";

    static final String EMPLOYEES = "/api/v2/employees";
    static final String EMPLOYEE = EMPLOYEES + "/{" + EMPLOYEE_ID + "}";
    static final String EMPLOYEE_HISTORY = EMPLOYEE + "/history";
    static final String RECORDS_OF_EMPLOYEE = EMPLOYEE + "/attendance";
    static final String RECORD = RECORDS_OF_EMPLOYEE + "/{" + DATE + "}";
    static final String RECORD_HISTORY = RECORD + "/history";
    static final String RECORDS = "/api/v2/attendance";
    static final String BATCH = RECORDS + "/batch";
    static final String RECORD_CHANGES = RECORDS + "/changes";

    private V2Paths() {
    }

    static String employee(EmployeeId id) {
        return EMPLOYEES + "/" + id.value();
    }

    static String record(EmployeeId employeeId, WorkDate date) {
        return employee(employeeId) + "/attendance/" + date;
    }

    /** The cache entry of the employee the path names, as the handlers read the path. */
    static CacheKey<?> employeeOfPath(Context ctx) {
        return CachedReads.employee(new EmployeeId(ctx.pathParam(EMPLOYEE_ID)));
    }

    /** The cache entry of the record the path names, as the handlers read the path. */
    static CacheKey<?> recordOfPath(Context ctx) {
        return CachedReads.record(new EmployeeId(ctx.pathParam(EMPLOYEE_ID)), WorkDate.parse(ctx.pathParam(DATE)));
    }
}
