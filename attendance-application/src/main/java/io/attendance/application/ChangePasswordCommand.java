package io.attendance.application;

import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * Give {@code username} a new password; the user themself must also give the current one, an
 * administrator need not.
 */
public record ChangePasswordCommand(Username username, Optional<Password> currentPassword, Password newPassword) {
    public ChangePasswordCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
    }
}
