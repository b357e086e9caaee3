package io.attendance.bootstrap;

/** A configuration value that cannot be used; the message names the variable and what it needs. */
final class ConfigurationError extends IllegalArgumentException {
    ConfigurationError(String message) {
        super(message);
    }
}
