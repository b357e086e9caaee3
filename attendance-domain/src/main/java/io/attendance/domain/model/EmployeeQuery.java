package io.attendance.domain.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which employees a listing shows: all filters optional; {@code namePrefix} matches the start of
 * the name, ignoring case. Listings are ordered by employee id.
 */
public record EmployeeQuery(Optional<String> department, Optional<Boolean> active, Optional<String> namePrefix) {
    public static final EmployeeQuery EVERYONE = new EmployeeQuery(Optional.empty(), Optional.empty(), Optional.empty());

    public EmployeeQuery {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(namePrefix, "namePrefix");
        department = department.flatMap(text -> Text.optionalLine("department", text, EmployeeDetails.MAX_DEPARTMENT_LENGTH));
        namePrefix = namePrefix.flatMap(text -> Text.optionalLine("q", text, EmployeeDetails.MAX_NAME_LENGTH));
    }

    public boolean matches(Employee employee) {
        return department.map(wanted -> employee.department().equals(Optional.of(wanted))).orElse(true)
                && active.map(wanted -> employee.active() == wanted).orElse(true)
                && namePrefix.map(prefix -> employee.name().toLowerCase(Locale.ROOT)
                        .startsWith(prefix.toLowerCase(Locale.ROOT))).orElse(true);
    }

    /**
     * A stable text form: the same query always gives the same text (cache keys, cursors), and two
     * different queries never do (free text is percent-encoded, so it cannot fake a separator).
     */
    public String canonical() {
        return "department=" + department.map(Text::encoded).orElse("") + "&active=" + active.map(String::valueOf).orElse("")
                + "&q=" + namePrefix.map(Text::encoded).orElse("");
    }
}
