package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"attendance", "public", "_x", "a1_b2", "user",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"})
    void aPlainLowerCaseIdentifierNamesASchema(String name) {
        assertThat(new DatabaseSchema(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Attendance", "1st", "att-endance", "att endance", "a\"b", "a;DROP TABLE x", "a.b",
            "pg_attendance", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl", "é"})
    void anythingElseIsRefusedSayingWhatASchemaNameMayBe(String name) {
        assertThatThrownBy(() -> new DatabaseSchema(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain lower-case identifier")
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void statementsNameTheAdaptersTablesQualifiedAndNothingElse() {
        DatabaseSchema schema = new DatabaseSchema("user");

        assertThat(schema.qualify("SELECT e.name FROM <employees> e JOIN <attendance_records> r USING (employee_id)"
                + " WHERE r.version < :v AND e.employee_id <> 'x'"))
                .isEqualTo("SELECT e.name FROM \"user\".employees e JOIN \"user\".attendance_records r USING (employee_id)"
                        + " WHERE r.version < :v AND e.employee_id <> 'x'");
    }
}
