package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a user or an API key may do. ADMIN may do everything; MANAGER runs the attendance of
 * everyone; VIEWER reads it; EMPLOYEE reads its own employee and records; DEVICE (a time clock,
 * a payroll sync) writes attendance for anyone and reads nothing.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    MANAGER(EnumSet.of(Permission.READ_EMPLOYEES, Permission.WRITE_EMPLOYEES, Permission.READ_ATTENDANCE,
            Permission.WRITE_ATTENDANCE, Permission.DELETE_ATTENDANCE, Permission.IMPORT_ATTENDANCE)),
    VIEWER(EnumSet.of(Permission.READ_EMPLOYEES, Permission.READ_ATTENDANCE)),
    /** Granted on the employee the user is linked to only; see {@link Principal#mayOn}. */
    EMPLOYEE(EnumSet.of(Permission.READ_EMPLOYEES, Permission.READ_ATTENDANCE)),
    DEVICE(EnumSet.of(Permission.WRITE_ATTENDANCE));

    private final Set<Permission> grants;

    Role(Set<Permission> grants) {
        this.grants = grants;
    }

    /** Whether this role grants {@code permission} over every employee. */
    public boolean grantsOnEveryone(Permission permission) {
        return this != EMPLOYEE && grants.contains(permission);
    }

    /** Whether this role grants {@code permission} over the holder's own employee. */
    public boolean grantsOnOwn(Permission permission) {
        return grants.contains(permission);
    }

    /** The role named {@code text}, in any letter case. */
    public static Role parse(String field, String text) {
        if (text != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(text.trim())) {
                    return role;
                }
            }
        }
        throw new ValidationFailed(field, "must be one of " + Arrays.toString(values()));
    }
}
