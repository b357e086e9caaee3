package io.attendance.application.access;

import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * Give {@code username} a new password; the user themself must also give the current one, an
 * administrator need not. {@code address} is the client's: failed checks of the current password are
 * counted by it, as sign-ins are.
 */
public record ChangePasswordCommand(Username username, Optional<Password> currentPassword, Password newPassword,
        String address) {
    public ChangePasswordCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(address, "address");
    }
}
