package io.attendance.application.access;

import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Username;
import java.util.Objects;

/** Create a user who signs in with this name and password and has these rights. */
public record CreateUserCommand(Username username, Password password, Grant grant) {
    public CreateUserCommand {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(grant, "grant");
    }
}
