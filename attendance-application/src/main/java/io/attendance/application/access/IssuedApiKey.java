package io.attendance.application.access;

import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.SecretToken;

/** A new key and its secret: the secret is handed to the administrator now and never again. */
public record IssuedApiKey(ApiKey key, SecretToken secret) {
}
