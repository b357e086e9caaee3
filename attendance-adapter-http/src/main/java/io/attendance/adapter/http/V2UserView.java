package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A user as the user listing shows them: never a password hash; {@code disabledAt} once deleted. */
@JsonPropertyOrder({"username", "roles", "employeeId", "createdAt", "disabledAt"})
record V2UserView(String username, List<String> roles, String employeeId, Instant createdAt, Instant disabledAt) {

    static V2UserView of(User user) {
        return new V2UserView(user.username().value(), names(user.grant().roles()),
                user.grant().employeeId().map(Object::toString).orElse(null), user.createdAt(),
                user.disabledAt().orElse(null));
    }

    /** Role names in the order the roles are declared, most powerful first. */
    static List<String> names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toList();
    }
}
