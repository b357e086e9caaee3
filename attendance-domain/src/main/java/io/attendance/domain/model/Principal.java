package io.attendance.domain.model;

import io.attendance.domain.error.Forbidden;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request acts as, once its credentials are checked: a user signed in with a session, a
 * machine with an API key, or, where the deployment opens the v1 contract, nobody in particular.
 * Decides what it may do; its {@link #actor()} is what the audit trail records.
 *
 * @param kind       how the caller proved who it is
 * @param name       the username, the API key's id, or "anonymous"
 * @param roles      what it may do
 * @param employeeId the employee it is, for a user or key linked to one
 */
public record Principal(Kind kind, String name, Set<Role> roles, Optional<EmployeeId> employeeId) {

    /** How a caller proved who it is. */
    public enum Kind {
        USER("user"),
        API_KEY("api-key"),
        /** The v1 contract, opened by the deployment to callers without credentials. */
        ANONYMOUS("anonymous");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(employeeId, "employeeId");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a principal needs a name");
        }
    }

    /** A signed-in user. */
    public static Principal of(Username username, Grant grant) {
        return new Principal(Kind.USER, username.value(), grant.roles(), grant.employeeId());
    }

    /** A machine with an API key. */
    public static Principal of(ApiKeyId key, Grant grant) {
        return new Principal(Kind.API_KEY, key.value(), grant.roles(), grant.employeeId());
    }

    /** The caller of an opened v1 route: the roles that route needs, and no name. */
    public static Principal anonymous(Set<Role> roles) {
        return new Principal(Kind.ANONYMOUS, "anonymous", roles, Optional.empty());
    }

    /** The audit trail's "who": {@code user:alice}, {@code api-key:<id>} or {@code anonymous}. */
    public String actor() {
        return kind == Kind.ANONYMOUS ? name : kind.label + ":" + name;
    }

    /** Whether it is the user of that name, signed in. */
    public boolean isUser(Username username) {
        return kind == Kind.USER && name.equals(username.value());
    }

    /** Whether it may do this to every employee. */
    public boolean may(Permission permission) {
        return roles.stream().anyMatch(role -> role.grantsOnEveryone(permission));
    }

    /** Whether it may do this to the employee {@code subject}: on everyone, or on itself as that employee. */
    public boolean mayOn(Permission permission, EmployeeId subject) {
        return may(permission) || employeeId.filter(subject::equals).isPresent()
                && roles.stream().anyMatch(role -> role.grantsOnOwn(permission));
    }

    /** @throws Forbidden unless it may do this to every employee */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new Forbidden(denial(permission));
        }
    }

    /** @throws Forbidden unless it may do this to {@code subject} */
    public void requireOn(Permission permission, EmployeeId subject) {
        if (!mayOn(permission, subject)) {
            throw new Forbidden(denial(permission));
        }
    }

    /**
     * The one employee whose data a caller limited to its own may see with this permission; empty
     * when it may see everyone's.
     *
     * @throws Forbidden when it may see nobody's
     */
    public Optional<EmployeeId> limitedTo(Permission permission) {
        if (may(permission)) {
            return Optional.empty();
        }
        EmployeeId own = employeeId.filter(id -> mayOn(permission, id))
                .orElseThrow(() -> new Forbidden(denial(permission)));
        return Optional.of(own);
    }

    private String denial(Permission permission) {
        return "the roles " + roles + " do not allow " + permission.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
