package io.attendance.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential for a machine (a time clock, a payroll sync): a name people recognise, the rights it
 * carries, and the user who created it, on whose authority it acts: when that user is deleted, the
 * key stops working with them. Its secret is never part of it; stores keep only its digest.
 */
public record ApiKey(ApiKeyId id, String name, Grant grant, Username createdBy, Instant createdAt,
        Optional<Instant> revokedAt) {
    public static final int MAX_NAME_LENGTH = 100;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        name = requireValidName(name);
    }

    /** The rule for a key's name: required, at most 100 characters, one line without control characters. */
    public static String requireValidName(String name) {
        return Text.requireLine("name", name, MAX_NAME_LENGTH);
    }

    public static ApiKey issued(String name, Grant grant, Username createdBy, Instant createdAt) {
        return new ApiKey(ApiKeyId.generate(), name, grant, createdBy, createdAt, Optional.empty());
    }

    /** Who a request with this key acts as. */
    public Principal principal() {
        return Principal.of(id, grant);
    }
}
