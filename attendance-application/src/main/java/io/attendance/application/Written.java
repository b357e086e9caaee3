package io.attendance.application;

import java.util.Objects;

/** The result of a PUT: what is stored now, and whether the write created it. */
public record Written<T>(T value, boolean created) {
    public Written {
        Objects.requireNonNull(value, "value");
    }
}
