package io.attendance.adapter.http;

import io.attendance.application.reading.Page;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.IsoInstant;
import io.attendance.domain.model.WorkDate;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a request's path and query parameters into domain values, collecting every error, each
 * named as the client named the parameter ({@code from}, {@code employeeId}), then
 * {@link #complete()} reports them all at once. An empty query parameter ({@code ?status=}) is the
 * same as an absent one.
 */
final class RequestParameters {
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    private final Context ctx;
    private final FieldErrors errors = new FieldErrors();

    RequestParameters(Context ctx) {
        this.ctx = ctx;
    }

    /** The path parameter {@code name} read as an employee id. */
    EmployeeId pathEmployeeId(String name) {
        return path(name, EmployeeId::new);
    }

    /** The path parameter {@code name} read as a YYYY-MM-DD date. */
    WorkDate pathDate(String name) {
        return path(name, WorkDate::parse);
    }

    /** The path parameter {@code name} read by {@code parser}. */
    <T> T path(String name, Function<String, T> parser) {
        return parse(name, ctx.pathParam(name), parser);
    }

    Optional<String> text(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    WorkDate requiredDate(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            errors.add(name, "is required: a date written YYYY-MM-DD");
            return null;
        }
        return parse(name, value.get(), WorkDate::parse);
    }

    Optional<EmployeeId> employeeId(String name) {
        return optional(name, EmployeeId::new);
    }

    Optional<AttendanceStatus> status(String name) {
        return optional(name, AttendanceStatus::parse);
    }

    Optional<Boolean> bool(String name) {
        return optional(name, text -> switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationFailed(name, "must be true or false");
        });
    }

    /** An ISO-8601 date-time with an offset. */
    Optional<Instant> instant(String name) {
        return optional(name, IsoInstant::parse);
    }

    /** The page size asked for, if any; its range is the application's rule. */
    Optional<Integer> limit() {
        return optional(LIMIT, text -> {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new ValidationFailed(LIMIT, "must be a whole number between 1 and " + Page.MAX_LIMIT);
            }
        });
    }

    Optional<String> cursor() {
        return text(CURSOR);
    }

    /** @throws ValidationFailed with every error collected, if any */
    void complete() {
        errors.throwIfAny();
    }

    private <T> Optional<T> optional(String name, Function<String, T> parser) {
        return text(name).map(value -> parse(name, value, parser));
    }

    /** Parses one parameter; an error is renamed after the parameter ("id" in a query is "employeeId"). */
    private <T> T parse(String name, String value, Function<String, T> parser) {
        return errors.check(name, () -> parser.apply(value));
    }
}
