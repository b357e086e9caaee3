package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.attendance.domain.model.ApiKey;
import java.time.Instant;
import java.util.List;

/** An API key as v2 lists it: never its secret, which is shown once when issued and not kept. */
@JsonPropertyOrder({"id", "name", "roles", "employeeId", "createdBy", "createdAt", "revokedAt"})
record V2ApiKeyView(String id, String name, List<String> roles, String employeeId, String createdBy,
        Instant createdAt, Instant revokedAt) {

    static V2ApiKeyView of(ApiKey key) {
        return new V2ApiKeyView(key.id().value(), key.name(), V2UserView.names(key.grant().roles()),
                key.grant().employeeId().map(Object::toString).orElse(null), key.createdBy().value(),
                key.createdAt(), key.revokedAt().orElse(null));
    }
}
