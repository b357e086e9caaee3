package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.AuditHistories;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit trail cannot be rewritten through the service's own connections (whose role owns the
 * tables): every UPDATE, DELETE and TRUNCATE of either audit table fails, and the history stays.
 */
class AuditAppendOnlyTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final AuditEvent RECORD_CREATED =
            AuditEvent.created(TestData.record(ADA, DAY, AttendanceStatus.PRESENT), "anonymous");
    private static final EmployeeAuditEvent EMPLOYEE_CREATED = EmployeeAuditEvent.created(ADA, "anonymous");

    @BeforeEach
    void appendOneEventOfEachKind() {
        DATABASE.auditTrail().append(RECORD_CREATED);
        DATABASE.auditTrail().append(EMPLOYEE_CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE <audit_events> SET actor = 'someone else'",
            "DELETE FROM <audit_events>",
            "DELETE FROM <audit_events> WHERE employee_id = 'E-1'",
            "TRUNCATE <audit_events>",
            "TRUNCATE <audit_events>, <employee_audit_events> CASCADE",
            "UPDATE <employee_audit_events> SET after = after || '{\"name\": \"Someone Else\"}'",
            "DELETE FROM <employee_audit_events>",
            "TRUNCATE <employee_audit_events>"})
    void theServiceCannotRewriteTheAuditTrail(String statement) {
        assertThatThrownBy(() -> DATABASE.transactions().withHandle(handle -> handle.execute(statement)))
                .hasMessageContaining("the audit trail is append-only");

        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY)).containsExactly(RECORD_CREATED);
        assertThat(AuditHistories.of(DATABASE.auditTrail(), ADA.id())).containsExactly(EMPLOYEE_CREATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit_events", "employee_audit_events"})
    void inAUnitOfWorkTheRefusalRollsBackTheWholeWork(String table) {
        Employee bob = TestData.employee("B-2", "Bob");

        assertThatThrownBy(() -> DATABASE.transactions().runInTransaction(() -> {
            DATABASE.employees().add(bob);
            DATABASE.transactions().withHandle(handle -> handle.execute("DELETE FROM <" + table + ">"));
        })).hasMessageContaining("the audit trail is append-only");

        assertThat(DATABASE.employees().find(bob.id())).isEmpty();
        assertThat(List.of(AuditHistories.of(DATABASE.auditTrail(), ADA.id(), DAY).size(),
                AuditHistories.of(DATABASE.auditTrail(), ADA.id()).size()))
                .containsExactly(1, 1);
    }
}
