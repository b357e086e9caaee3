package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.Principal;
import java.util.List;

/**
 * Who a request acts as, for sign-in and {@code /auth/me}: {@code kind} is {@code user} or
 * {@code api-key}, and {@code username} the user's name or the key's id.
 */
@JsonPropertyOrder({"kind", "username", "roles", "employeeId"})
record V2CallerView(String kind, String username, List<String> roles, String employeeId) {

    static V2CallerView of(Principal caller) {
        String kind = caller.kind() == Principal.Kind.API_KEY ? "api-key" : "user";
        return new V2CallerView(kind, caller.name(), V2UserView.names(caller.roles()),
                caller.employeeId().map(Object::toString).orElse(null));
    }
}
