package io.attendance.application.employees;

import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Races;
import io.attendance.application.writing.Written;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.Employees;
import java.time.Clock;

/**
 * The two ways an employee changes, each audited in the unit of work that makes it: what the v2
 * employee routes and the v1 create (which meets employees and renames them) share.
 */
final class EmployeeWrites {
    private final Employees employees;
    private final AuditTrail audit;
    private final Clock clock;

    EmployeeWrites(Employees employees, AuditTrail audit, Clock clock) {
        this.employees = employees;
        this.audit = audit;
        this.clock = clock;
    }

    /** Inside a unit of work: stores a new employee. */
    Written<Employee> create(EmployeeId id, EmployeeDetails details, Precondition precondition, String actor) {
        Employee created = Employee.first(id, details, clock.instant());
        Races.insert(() -> employees.add(created), precondition);
        audit.append(EmployeeAuditEvent.created(created, actor));
        return new Written<>(created, Written.Outcome.CREATED);
    }

    /** Inside a unit of work: stores the employee with these details unless they are the ones stored. */
    Written<Employee> revise(Employee current, EmployeeDetails details, Precondition precondition, String actor) {
        Written<Employee> written = Races.replaceIfRevised(current, current.version(),
                current.revised(details, clock.instant()), employees::replace, precondition);
        if (written.outcome() == Written.Outcome.UPDATED) {
            audit.append(EmployeeAuditEvent.updated(current, written.value(), actor));
        }
        return written;
    }
}
