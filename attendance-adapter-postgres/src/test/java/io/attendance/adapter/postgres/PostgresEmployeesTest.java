package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the persistence contract leaves to the adapter: case folding beyond ASCII, and callers' mistakes. */
class PostgresEmployeesTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    @Test
    void aCallersMistakesAreRefusedBeforeAnyStatementRuns() {
        Employee ada = TestData.employee("E-1", "Ada Lovelace");
        DATABASE.employees().add(ada);
        Employee revised = ada.revised(ada.details().inactive(), TestData.NOW.plusSeconds(60)).orElseThrow();

        assertThatThrownBy(() -> DATABASE.employees().replace(revised, 2))
                .as("a version that does not follow the expected one").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DATABASE.employees().list(EmployeeQuery.EVERYONE, Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DATABASE.employees().list(EmployeeQuery.EVERYONE, Optional.empty(), 0)).isEmpty();
        assertThat(DATABASE.employees().find(ada.id())).contains(ada);
    }

    /** PostgreSQL's lower() folds ASCII only under the "C" locale; the adapter folds as Java does. */
    @Test
    void theNamePrefixIgnoresCaseBeyondAscii() {
        Employee emile = add(TestData.employee("E-1", "ÉMILE Zola"));
        Employee zoe = add(TestData.employee("E-2", "zoë Ångström"));

        assertThat(list(query(null, null, "émile z"))).containsExactly(emile);
        assertThat(list(query(null, null, "Émi"))).containsExactly(emile);
        assertThat(list(query(null, null, "ZOË Å"))).containsExactly(zoe);
        assertThat(list(query(null, null, "zoe"))).isEmpty();
    }

    private static Employee add(Employee employee) {
        DATABASE.employees().add(employee);
        return employee;
    }

    private static List<Employee> list(EmployeeQuery query) {
        return DATABASE.employees().list(query, Optional.empty(), 100);
    }

    private static EmployeeQuery query(String department, Boolean active, String namePrefix) {
        return new EmployeeQuery(Optional.ofNullable(department), Optional.ofNullable(active),
                Optional.ofNullable(namePrefix));
    }
}
