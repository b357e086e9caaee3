package io.attendance.bootstrap;

import io.attendance.application.access.UserService;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Username;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, before HTTP accepts requests: when no user exists yet, the administrator named by
 * {@code ATTENDANCE_ADMIN_USERNAME} is created, so that someone can sign in and create the others.
 * A password is never logged: a log shipper would keep it. One generated in embedded mode goes to
 * the console, once.
 */
final class FirstAdministrator {
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private FirstAdministrator() {
    }

    static void ensure(AttendanceConfig config, UserService users, PrintStream console) {
        Username username = config.access().adminUsername();
        Optional<Password> configured = config.access().adminPassword();
        if (configured.isPresent()) {
            if (users.createFirstAdministrator(username, configured.get())) {
                log.info("first administrator '{}' created with the password of ATTENDANCE_ADMIN_PASSWORD", username);
            }
        } else if (config.embeddedDatabase()) {
            String generated = SecretToken.generate().reveal();
            if (users.createFirstAdministrator(username, Password.chosen("password", generated))) {
                log.info("first administrator '{}' created; its generated password is on the console, once", username);
                printOnce(console, username, generated);
            }
        } else if (users.list().isEmpty()) {
            log.warn("no user exists and ATTENDANCE_ADMIN_PASSWORD is not set: nobody can sign in until an"
                    + " administrator is created, with 'java -jar attendance-api.jar create-user --username {}"
                    + " --role ADMIN' (password on standard input) or by restarting with ATTENDANCE_ADMIN_PASSWORD set",
                    username);
        }
    }

    /** On the console, not through the logger: JSON log lines are shipped and kept, this must not be. */
    private static void printOnce(PrintStream console, Username username, String password) {
        String rule = "=".repeat(78);
        console.println(rule);
        console.println("First administrator created (shown this once, not logged):");
        console.println("  username: " + username);
        console.println("  password: " + password);
        console.println("Sign in with POST /api/v2/auth/login {\"username\",\"password\"} and change the password");
        console.println("with PUT /api/v2/users/" + username + "/password {\"currentPassword\",\"newPassword\"}.");
        console.println(rule);
        console.flush();
    }
}
