package io.attendance.adapter.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row's statement parameters, named like its columns and in order: bound by name on a JDBI
 * statement, by position on a plain JDBC batch, or gathered column by column into arrays for a
 * multi-row INSERT, where the group commit's hot path skips JDBI's per-statement cost. One list per
 * row kind, so every way binds the same values.
 */
final class Parameters {
    private static final Map<Class<?>, String> SQL_TYPES = Map.of(String.class, "text", LocalDate.class, "date",
            OffsetDateTime.class, "timestamptz", Long.class, "bigint", Boolean.class, "boolean");

    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<Class<?>> types = new ArrayList<>();

    /** @param type the parameter's type, which a NULL needs to be bound by name */
    Parameters add(String name, Object value, Class<?> type) {
        names.add(name);
        values.add(value);
        types.add(type);
        return this;
    }

    Parameters addAll(Parameters more) {
        names.addAll(more.names);
        values.addAll(more.values);
        types.addAll(more.types);
        return this;
    }

    /** The names, which are the columns they fill. */
    List<String> names() {
        return names;
    }

    /** The value of the parameter named {@code name} as PostgreSQL reads it from text; null for NULL. */
    String text(String name) {
        return text(names.indexOf(name));
    }

    String text(int index) {
        Object value = values.get(index);
        return value == null ? null : value.toString();
    }

    /** The PostgreSQL type of a parameter, for an array of its values. */
    String sqlType(int index) {
        String sqlType = SQL_TYPES.get(types.get(index));
        if (sqlType == null) {
            throw new IllegalStateException("no SQL type for " + types.get(index));
        }
        return sqlType;
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        for (int i = 0; i < names.size(); i++) {
            statement.bindByType(names.get(i), values.get(i), types.get(i));
        }
        return statement;
    }

    /** Binds the values by position from {@code first}; returns the next position. */
    int bindTo(PreparedStatement statement, int first) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(first + i, values.get(i));
        }
        return first + values.size();
    }
}
