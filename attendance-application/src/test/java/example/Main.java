package example;

import io.attendance.application.Attendance;
import io.attendance.application.employees.PutEmployeeCommand;
import io.attendance.application.records.RecordAttendanceCommand;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.InMemoryPersistence;
import java.time.ZoneId;
import java.util.Optional;

public class Main {
    public static void main(String[] args) {
        Attendance attendance = Attendance.builder()
                .persistence(new InMemoryPersistence())
                .build();

        EmployeeId ada = new EmployeeId("E-1");
        attendance.employeeWrites().put(
                new PutEmployeeCommand(ada, new EmployeeDetails(
                        "Ada Lovelace", Optional.of("Engineering"), ZoneId.of("Europe/London"), true)),
                Precondition.NONE, "hr-system");

        WorkDate monday = WorkDate.of(2025, 3, 3);
        WorkDate tuesday = WorkDate.of(2025, 3, 4);
        attendance.recordAttendance().record(
                new RecordAttendanceCommand(ada, Optional.empty(), AttendanceStatus.PRESENT, monday), "kiosk-7");
        attendance.recordAttendance().record(
                new RecordAttendanceCommand(ada, Optional.empty(), AttendanceStatus.WORK_FROM_HOME, tuesday), "kiosk-7");

        AttendanceRecord stored = attendance.recordReads().get(ada, monday);
        System.out.println("read back: " + stored.employeeId().value() + " " + stored.date() + " " + stored.status());

        AttendanceQuery march = AttendanceQuery.between(WorkDate.of(2025, 3, 1), WorkDate.of(2025, 3, 31));
        attendance.forEachRecord(march, record ->
                System.out.println("in March: " + record.employeeId().value() + " " + record.date() + " " + record.status()));
    }
}
