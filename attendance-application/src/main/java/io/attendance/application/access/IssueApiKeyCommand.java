package io.attendance.application.access;

import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.Grant;
import java.util.Objects;

/** Issue a key, named for the machine that will use it, carrying these rights. */
public record IssueApiKeyCommand(String name, Grant grant) {
    public IssueApiKeyCommand {
        name = ApiKey.requireValidName(name);
        Objects.requireNonNull(grant, "grant");
    }
}
