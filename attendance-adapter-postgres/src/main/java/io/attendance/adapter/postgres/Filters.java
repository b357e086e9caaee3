package io.attendance.adapter.postgres;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The WHERE clause of a listing, made of the filters a query actually has, each with its bound
 * parameter: the SQL text is one of a few fixed shapes (good plans, no wildcard "OR :x IS NULL"),
 * and no value is ever part of it.
 */
final class Filters {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code clause}, which refers to {@code :name}, bound to {@code value} (never null). */
    Filters and(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.put(name, value);
        return this;
    }

    /** Adds {@code clause}, which refers to both parameters. */
    Filters and(String clause, String name, Object value, String otherName, Object otherValue) {
        and(clause, name, value);
        parameters.put(otherName, otherValue);
        return this;
    }

    /**
     * The listing query: {@code template} with these filters as its WHERE clause in place of its
     * {@code %s}, and up to {@code limit} rows (its {@code :limit}).
     */
    Listing listing(String template, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        String where = clauses.isEmpty() ? "" : "\n WHERE " + String.join("\n   AND ", clauses);
        Map<String, Object> bound = new LinkedHashMap<>(parameters);
        bound.put("limit", limit);
        return new Listing(template.formatted(where), Map.copyOf(bound));
    }

    /** A query's text and the values of its parameters, to run, or to EXPLAIN in the tests. */
    record Listing(String sql, Map<String, Object> parameters) {
        Query on(Handle handle) {
            Query query = handle.createQuery(sql);
            parameters.forEach(query::bind);
            return query;
        }
    }

    /**
     * {@code text} as a LIKE pattern that matches it literally at the start: %, _ and \ escaped with
     * a backslash (PostgreSQL's default LIKE escape), then %.
     */
    static String startingWith(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (c == '%' || c == '_' || c == '\\') {
                pattern.append('\\');
            }
            pattern.append((char) c);
        });
        return pattern.append('%').toString();
    }
}
