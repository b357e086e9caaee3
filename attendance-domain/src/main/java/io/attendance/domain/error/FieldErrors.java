package io.attendance.domain.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects field errors while a value is built from several inputs, so that a client hears about
 * every invalid field at once; {@link #throwIfAny} ends the collection. It is the one collector of
 * the code base: domain constructors, request readers and the batch import all use it.
 */
public final class FieldErrors {
    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors() {
        this("");
    }

    /** Every error collected is named {@code prefix + field}, such as {@code [3].} + {@code status}. */
    public FieldErrors(String prefix) {
        this.prefix = prefix;
    }

    /** The checked value, or {@code whenInvalid} with the check's field errors collected. */
    public <T> T check(Supplier<T> check, T whenInvalid) {
        try {
            return check.get();
        } catch (ValidationFailed e) {
            e.errors().forEach(error -> add(error.field(), error.message()));
            return whenInvalid;
        }
    }

    /** The checked value, or null with the check's field errors collected. */
    public <T> T check(Supplier<T> check) {
        return check(check, null);
    }

    /**
     * Like {@link #check(Supplier)}, but every error is reported on {@code field}: the name the client
     * used, which a parser shared by several fields (a date, an instant) cannot know.
     */
    public <T> T check(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationFailed e) {
            e.errors().forEach(error -> add(field, error.message()));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** What was collected so far, in the order found. */
    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** @throws ValidationFailed with every error collected, if any */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }
}
