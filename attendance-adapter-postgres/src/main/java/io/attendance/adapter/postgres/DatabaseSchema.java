package io.attendance.adapter.postgres;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The PostgreSQL schema that holds the adapter's tables and Liquibase's history of them, so that
 * they never meet a host's own tables of the same names. Every statement of the adapter names its
 * tables qualified with it ({@link #qualify}), so it finds them whatever the connection's
 * {@code search_path}, and the adapter never changes that setting on the connections it is given.
 *
 * @param name a plain, lower-case identifier: a letter or underscore, then letters, digits or
 *     underscores, at most 63 characters (PostgreSQL's limit), not starting with {@code pg_}
 *     (reserved for the system's schemas)
 */
public record DatabaseSchema(String name) {
    // before DEFAULT, which it checks
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Where the tables are unless configured otherwise. */
    public static final DatabaseSchema DEFAULT = new DatabaseSchema("attendance");
    /** The adapter's tables: a statement's {@code <employees>} is {@code "schema".employees}. */
    static final List<String> TABLES = List.of(
            "employees", "attendance_records", "audit_events", "employee_audit_events", "users", "api_keys");
    /** Liquibase's own tables, kept beside ours. */
    static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

    /** @throws IllegalArgumentException naming what a schema name may be, when {@code name} is anything else */
    public DatabaseSchema {
        Objects.requireNonNull(name, "name");
        if (!isPlain(name)) {
            throw new IllegalArgumentException("the database schema must be a plain lower-case identifier (a letter"
                    + " or _, then letters, digits or _, at most 63, not starting with pg_), was '" + name + "'");
        }
    }

    static boolean isPlain(String name) {
        return PLAIN_IDENTIFIER.matcher(name).matches() && !name.startsWith("pg_");
    }

    /** The name as an SQL identifier, quoted, so that even a reserved word names the schema. */
    String quoted() {
        return '"' + name + '"';
    }

    /** {@code table} qualified with this schema. */
    String table(String table) {
        return quoted() + "." + table;
    }

    /**
     * {@code sql} with each of the adapter's tables written {@code <table>} qualified with this
     * schema; anything else is left as it is. Statements are qualified once, when prepared or parsed,
     * never by a command sent to the server.
     */
    String qualify(String sql) {
        String qualified = sql;
        for (String table : TABLES) {
            qualified = qualified.replace("<" + table + ">", table(table));
        }
        return qualified;
    }

    @Override
    public String toString() {
        return name;
    }
}
