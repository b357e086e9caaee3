package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.access.ApiKeyService;
import io.attendance.application.access.IssuedApiKey;
import io.attendance.application.access.SignInCommand;
import io.attendance.application.access.SignInService;
import io.attendance.application.access.SignedIn;
import io.attendance.application.access.UserService;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;

/**
 * v2 sign-in and the accounts behind it: sessions under {@code /api/v2/auth}, users under
 * {@code /api/v2/users}, machine keys under {@code /api/v2/api-keys}. Secrets (a session token, an
 * API key) are in exactly one answer each: the one that creates them.
 */
final class V2AccessEndpoints {
    static final String LOGIN = "/api/v2/auth/login";
    static final String LOGOUT = "/api/v2/auth/logout";
    static final String ME = "/api/v2/auth/me";
    static final String USERS = "/api/v2/users";
    static final String USERNAME = "username";
    static final String USER = USERS + "/{" + USERNAME + "}";
    static final String USER_PASSWORD = USER + "/password";
    static final String API_KEYS = "/api/v2/api-keys";
    static final String API_KEY_ID = "keyId";
    static final String API_KEY = API_KEYS + "/{" + API_KEY_ID + "}";

    private final ObjectMapper json;
    private final RequestBodies bodies;
    private final V2Responses responses;
    private final SignInService signIns;
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final TrustedProxies proxies;

    V2AccessEndpoints(ObjectMapper json, RequestBodies bodies, SignInService signIns, UserService users,
            ApiKeyService apiKeys, TrustedProxies proxies) {
        this.json = json;
        this.bodies = bodies;
        this.responses = new V2Responses(json);
        this.signIns = signIns;
        this.users = users;
        this.apiKeys = apiKeys;
        this.proxies = proxies;
    }

    /** The answer to a sign-in: the token, once, its absolute end, and who it signs in. */
    @JsonPropertyOrder({"token", "expiresAt", "user"})
    record SessionView(String token, Instant expiresAt, V2CallerView user) {
    }

    /** The answer to issuing a key: its id and, this once, its secret. */
    @JsonPropertyOrder({"id", "key", "name", "roles", "employeeId", "createdBy", "createdAt"})
    record IssuedKeyView(String id, String key, String name, java.util.List<String> roles, String employeeId,
            String createdBy, Instant createdAt) {
    }

    void login(Context ctx) throws IOException {
        V2AccessBodies.Credentials credentials = V2AccessBodies.signIn(json, bodies.json(ctx));
        SignedIn signedIn = signIns.signIn(new SignInCommand(credentials.username(), credentials.password(),
                proxies.clientOf(ctx)));
        responses.ok(ctx, new SessionView(signedIn.token().reveal(), signedIn.session().expiresAt(),
                V2CallerView.of(signedIn.session().principal())));
    }

    void logout(Context ctx) {
        signIns.signOut(AccessControl.bearerToken(ctx));
        responses.noContent(ctx);
    }

    void me(Context ctx) throws IOException {
        Principal caller = AccessControl.caller(ctx);
        responses.ok(ctx, V2CallerView.of(caller));
    }

    void createUser(Context ctx) throws IOException {
        User user = users.create(V2AccessBodies.user(json, bodies.json(ctx)));
        responses.created(ctx, USERS + "/" + user.username().value(), V2UserView.of(user));
    }

    void listUsers(Context ctx) throws IOException {
        new RequestParameters(ctx).complete();
        responses.ok(ctx, users.list().stream().map(V2UserView::of).toList());
    }

    void getUser(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        Username username = parameters.path(USERNAME, Username::new);
        parameters.complete();
        responses.ok(ctx, V2UserView.of(users.get(username, AccessControl.caller(ctx))));
    }

    void deleteUser(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx);
        Username username = parameters.path(USERNAME, Username::new);
        parameters.complete();
        users.delete(username);
        responses.noContent(ctx);
    }

    void changePassword(Context ctx) throws IOException {
        users.changePassword(V2AccessBodies.password(json, bodies.json(ctx), ctx.pathParam(USERNAME), proxies.clientOf(ctx)),
                AccessControl.caller(ctx));
        responses.noContent(ctx);
    }

    void issueApiKey(Context ctx) throws IOException {
        IssuedApiKey issued = apiKeys.issue(V2AccessBodies.apiKey(json, bodies.json(ctx)), AccessControl.caller(ctx));
        V2ApiKeyView key = V2ApiKeyView.of(issued.key());
        responses.created(ctx, API_KEYS + "/" + key.id(), new IssuedKeyView(key.id(), issued.secret().reveal(),
                key.name(), key.roles(), key.employeeId(), key.createdBy(), key.createdAt()));
    }

    void listApiKeys(Context ctx) throws IOException {
        new RequestParameters(ctx).complete();
        responses.ok(ctx, apiKeys.list().stream().map(V2ApiKeyView::of).toList());
    }

    void getApiKey(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        ApiKeyId id = parameters.path(API_KEY_ID, ApiKeyId::new);
        parameters.complete();
        responses.ok(ctx, V2ApiKeyView.of(apiKeys.get(id)));
    }

    void revokeApiKey(Context ctx) {
        RequestParameters parameters = new RequestParameters(ctx);
        ApiKeyId id = parameters.path(API_KEY_ID, ApiKeyId::new);
        parameters.complete();
        apiKeys.revoke(id);
        responses.noContent(ctx);
    }
}
