package io.attendance.application.access;

import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.util.Objects;

/** Sign in as {@code username} from the client {@code address} (what failed attempts are counted by). */
public record SignInCommand(Username username, Password password, String address) {
    public SignInCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(address, "address");
    }
}
