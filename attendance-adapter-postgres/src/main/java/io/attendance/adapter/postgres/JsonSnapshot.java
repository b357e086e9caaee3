package io.attendance.adapter.postgres;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * How a row's snapshot is kept in a {@code jsonb} column of an audit table: one member per field,
 * named as the v2 API names it, an absent optional field absent, an absent snapshot SQL NULL.
 * PostgreSQL builds the JSON ({@code jsonb_build_object}) from the snapshot's typed parameters and
 * reads it back ({@code ->>}) as typed columns, so the adapter binds and reads a snapshot as it does
 * the row's own table, and needs no JSON library. Changeset 018 wrote the stored snapshots in this
 * form; changing a member's name or form needs a changeset that converts them.
 */
final class JsonSnapshot {
    /**
     * An instant as ISO-8601 UTC text with six fractional digits: what timestamptz keeps, to the
     * microsecond, so it reads back exactly; readable as the API writes instants, and fixed-width.
     */
    private static final String INSTANT_FORMAT = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    private final List<Member> members;

    JsonSnapshot(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /**
     * A field: its member's name in the JSON, the name of its column (and parameter) in the row,
     * and how a value (a parameter or a column) becomes the member, and the member's text the value.
     */
    record Member(String name, String column, UnaryOperator<String> toJson, UnaryOperator<String> fromJson) {
    }

    /** A field of this SQL type, which JSON keeps as it is: a string, a number or a boolean. */
    static Member plain(String name, String column, String sqlType) {
        return new Member(name, column, value -> cast(value, sqlType), text -> cast(text, sqlType));
    }

    /** An instant (timestamptz) as {@link #INSTANT_FORMAT}: the one place that writes and parses it. */
    static Member instant(String name, String column) {
        return new Member(name, column,
                value -> "to_char(" + cast(value, "timestamptz") + " AT TIME ZONE 'UTC', " + INSTANT_FORMAT + ")",
                text -> cast(text, "timestamptz"));
    }

    /** A field whose column keeps a name and whose member the label of that name, per {@code labels}. */
    static Member labelled(String name, String column, Map<String, String> labels) {
        return new Member(name, column, value -> mapped(cast(value, "text"), labels),
                text -> mapped(text, labels.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey))));
    }

    /** The fields' column names, in order. */
    List<String> columns() {
        return members.stream().map(Member::column).toList();
    }

    /**
     * The snapshot as a jsonb value, from values named like the fields' columns with {@code prefix}
     * ({@code :before_status}...): NULL when all of them are NULL, absent members for NULL fields.
     */
    String build(String prefix) {
        return members.stream()
                .map(member -> "'" + member.name() + "', " + member.toJson().apply(prefix + member.column()))
                .collect(Collectors.joining(", ", "NULLIF(jsonb_strip_nulls(jsonb_build_object(", ")), '{}')"));
    }

    /**
     * The snapshot in {@code jsonColumn} as one column per field, named with {@code prefix}
     * ({@code before_status}...): all NULL when the snapshot is.
     */
    String read(String jsonColumn, String prefix) {
        return members.stream()
                .map(member -> member.fromJson().apply(jsonColumn + "->>'" + member.name() + "'") + " AS "
                        + prefix + member.column())
                .collect(Collectors.joining(", "));
    }

    private static String cast(String value, String sqlType) {
        return "CAST(" + value + " AS " + sqlType + ")";
    }

    private static String mapped(String value, Map<String, String> to) {
        return to.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> "WHEN '" + entry.getKey() + "' THEN '" + entry.getValue() + "'")
                .collect(Collectors.joining(" ", "CASE " + value + " ", " END"));
    }
}
