package io.attendance.adapter.http;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Permission;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.Role;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call a route, attached to it in the route table, so that a route cannot exist without
 * its rule ({@link AccessControl} refuses to serve one that has none). The rules themselves (which
 * role grants what, and on whose data) are the domain's: this only says which question to ask.
 */
sealed interface Access extends RouteRole {

    /** Anyone, without credentials: health, documents, sign-in. */
    record Open() implements Access {
        @Override
        public void authorize(Principal caller, Context ctx) {
        }
    }

    /** Anyone with valid credentials; the use case decides the rest (sign-out, "me", own password). */
    record SignedIn() implements Access {
        @Override
        public void authorize(Principal caller, Context ctx) {
        }
    }

    /** Callers whose roles grant every permission listed, on every employee. */
    record ToEveryone(Set<Permission> permissions) implements Access {
        public ToEveryone {
            permissions = Set.copyOf(EnumSet.copyOf(permissions));
        }

        @Override
        public void authorize(Principal caller, Context ctx) {
            permissions.forEach(caller::require);
        }
    }

    /**
     * Callers granted the permission on the employee named by the path parameter: on everyone, or
     * as that employee themself.
     */
    record ToEmployeeIn(String pathParameter, Permission permission) implements Access {
        public ToEmployeeIn {
            Objects.requireNonNull(pathParameter, "pathParameter");
            Objects.requireNonNull(permission, "permission");
        }

        @Override
        public void authorize(Principal caller, Context ctx) {
            if (!caller.may(permission)) {
                caller.requireOn(permission, new EmployeeId(ctx.pathParam(pathParameter)));
            }
        }
    }

    /**
     * Callers granted the permission on someone: a caller limited to its own employee is served,
     * and the handler narrows what it reads to that employee ({@link AccessControl#limitedTo}).
     */
    record ToOwnOrEveryone(Permission permission) implements Access {
        @Override
        public void authorize(Principal caller, Context ctx) {
            caller.limitedTo(permission);
        }
    }

    /**
     * Without credentials when the deployment opens the route (the v1 contract, for clients that
     * send none), acting as an anonymous caller; otherwise like {@link ToEveryone}.
     */
    record OpenedOrToEveryone(boolean opened, Set<Permission> permissions) implements Access {
        public OpenedOrToEveryone {
            permissions = Set.copyOf(EnumSet.copyOf(permissions));
        }

        @Override
        public void authorize(Principal caller, Context ctx) {
            permissions.forEach(caller::require);
        }

        /** The anonymous caller of an opened route: roles enough for exactly what it needs. */
        Principal anonymous() {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : List.of(Role.VIEWER, Role.MANAGER)) {
                if (permissions.stream().allMatch(role::grantsOnEveryone)) {
                    roles.add(role);
                    break;
                }
            }
            return Principal.anonymous(roles);
        }
    }

    static Access open() {
        return new Open();
    }

    static Access signedIn() {
        return new SignedIn();
    }

    static Access to(Permission first, Permission... more) {
        return new ToEveryone(EnumSet.of(first, more));
    }

    static Access toEmployeeIn(String pathParameter, Permission permission) {
        return new ToEmployeeIn(pathParameter, permission);
    }

    static Access toOwnOrEveryone(Permission permission) {
        return new ToOwnOrEveryone(permission);
    }

    static Access openedOr(boolean opened, Permission first, Permission... more) {
        return new OpenedOrToEveryone(opened, EnumSet.of(first, more));
    }

    /** Whether the route asks for credentials. */
    default boolean needsCredentials() {
        return !(this instanceof Open) && !(this instanceof OpenedOrToEveryone opened && opened.opened());
    }

    /**
     * @throws io.attendance.domain.error.Forbidden when the caller may not
     * @throws io.attendance.domain.error.ValidationFailed when the path names no valid employee
     */
    void authorize(Principal caller, Context ctx);
}
