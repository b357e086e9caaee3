package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.access.ChangePasswordCommand;
import io.attendance.application.access.CreateUserCommand;
import io.attendance.application.access.IssueApiKeyCommand;
import io.attendance.domain.error.FieldErrors;
import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.Username;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The request bodies of sign-in, users and API keys, read into domain values with the same rules as
 * {@link V2Bodies}: JSON types first, then meanings, every error reported at once. Passwords never
 * appear in an error message, only the field that holds them.
 */
final class V2AccessBodies {

    private V2AccessBodies() {
    }

    /** What a sign-in offers: a name and a password. */
    record Credentials(Username username, Password password) {
    }

    /** {@code {"username","password"}}. */
    static Credentials signIn(ObjectMapper json, byte[] body) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with username and password");
        FieldErrors errors = new FieldErrors();
        JsonInput fields = new JsonInput(errors);
        String username = fields.text(root, "username");
        String password = fields.text(root, "password");
        errors.throwIfAny();
        Username validUsername = errors.check(() -> new Username(username));
        Password validPassword = errors.check(() -> Password.offered("password", password));
        errors.throwIfAny();
        return new Credentials(validUsername, validPassword);
    }

    /** {@code {"username","password","roles":[...],"employeeId"?}}. */
    static CreateUserCommand user(ObjectMapper json, byte[] body) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with username, password, roles and optionally employeeId");
        FieldErrors errors = new FieldErrors();
        JsonInput fields = new JsonInput(errors);
        String username = fields.text(root, "username");
        String password = fields.text(root, "password");
        List<String> roles = fields.texts(root, "roles", Role.values().length);
        String employeeId = fields.text(root, "employeeId");
        errors.throwIfAny();
        Username validUsername = errors.check(() -> new Username(username));
        Password validPassword = errors.check(() -> Password.chosen("password", password));
        Grant grant = grant(errors, roles, employeeId);
        errors.throwIfAny();
        return new CreateUserCommand(validUsername, validPassword, grant);
    }

    /** {@code {"currentPassword"?, "newPassword"}} for the user of the path. */
    static ChangePasswordCommand password(ObjectMapper json, byte[] body, String username, String address) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with newPassword, and currentPassword when it is your own");
        FieldErrors errors = new FieldErrors();
        JsonInput fields = new JsonInput(errors);
        String current = fields.text(root, "currentPassword");
        String chosen = fields.text(root, "newPassword");
        errors.throwIfAny();
        Username validUsername = errors.check(() -> new Username(username));
        Optional<Password> validCurrent = current == null
                ? Optional.empty()
                : Optional.ofNullable(errors.check(() -> Password.offered("currentPassword", current)));
        Password validChosen = errors.check(() -> Password.chosen("newPassword", chosen));
        errors.throwIfAny();
        return new ChangePasswordCommand(validUsername, validCurrent, validChosen, address);
    }

    /** {@code {"name","roles":[...],"employeeId"?}}. */
    static IssueApiKeyCommand apiKey(ObjectMapper json, byte[] body) {
        JsonNode root = JsonInput.object(json, body, "a JSON object with name, roles and optionally employeeId");
        FieldErrors errors = new FieldErrors();
        JsonInput fields = new JsonInput(errors);
        String name = fields.text(root, "name");
        List<String> roles = fields.texts(root, "roles", Role.values().length);
        String employeeId = fields.text(root, "employeeId");
        errors.throwIfAny();
        String validName = errors.check(() -> ApiKey.requireValidName(name));
        Grant grant = grant(errors, roles, employeeId);
        errors.throwIfAny();
        return new IssueApiKeyCommand(validName, grant);
    }

    private static Grant grant(FieldErrors errors, List<String> roleNames, String employeeId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleNames != null) {
            for (int index = 0; index < roleNames.size(); index++) {
                String field = "roles[" + index + "]";
                String roleName = roleNames.get(index);
                Role role = errors.check(() -> Role.parse(field, roleName));
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        Optional<EmployeeId> validEmployeeId = employeeId == null
                ? Optional.empty()
                : Optional.ofNullable(errors.check("employeeId", () -> new EmployeeId(employeeId)));
        if (!errors.isEmpty()) {
            return null;
        }
        return errors.check(() -> new Grant(roles, validEmployeeId));
    }
}
