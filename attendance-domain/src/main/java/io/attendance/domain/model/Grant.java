package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rights an account carries, whether a user's or an API key's: at least one role, and the
 * employee it is, which the EMPLOYEE role needs (its rights reach that employee only).
 */
public record Grant(Set<Role> roles, Optional<EmployeeId> employeeId) {
    public Grant {
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(employeeId, "employeeId");
        if (roles.isEmpty()) {
            throw new ValidationFailed("roles", "must name at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(Role.EMPLOYEE) && employeeId.isEmpty()) {
            throw new ValidationFailed("employeeId", "is required with the role EMPLOYEE");
        }
    }
}
