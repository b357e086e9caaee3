package io.attendance.application.access;

import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;

/** A new session and its token: the token is handed to the client now and never again. */
public record SignedIn(SecretToken token, Session session) {
}
