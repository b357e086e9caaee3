package example;

import io.attendance.adapter.postgres.DatabaseSchema;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.application.Attendance;
import io.attendance.application.employees.PutEmployeeCommand;
import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;

/** The PostgreSQL example of docs/embedding.md: the attendance core in a host's own database. */
public final class PostgresExample {
    private PostgresExample() {
    }

    static AttendanceRecord recordADay(DataSource hostDataSource) {
        // region on-the-hosts-database
        try (PostgresDatabase store = PostgresDatabase.using(hostDataSource, DatabaseSchema.DEFAULT)) {
            store.migrations().update(); // creates the schema "attendance" when absent, then migrates it

            Attendance attendance = Attendance.builder()
                    .persistence(store)
                    .build();

            EmployeeId ada = new EmployeeId("E-1");
            attendance.employeeWrites().put(
                    new PutEmployeeCommand(ada, new EmployeeDetails(
                            "Ada Lovelace", Optional.empty(), ZoneId.of("Europe/London"), true)),
                    Precondition.NONE, "hr-system");
            WorkDate monday = WorkDate.of(2025, 3, 3);
            attendance.recordAttendance().record(
                    new RecordAttendanceCommand(ada, Optional.empty(), AttendanceStatus.PRESENT, monday), "kiosk-7");
            return attendance.recordReads().get(ada, monday);
        } // close() commits the day changes still queued; the host's DataSource stays open
        // endregion
    }
}
