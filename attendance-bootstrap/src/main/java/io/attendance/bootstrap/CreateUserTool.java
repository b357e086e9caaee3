package io.attendance.bootstrap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.attendance.adapter.redis.RedisStore;
import io.attendance.application.UseCases;
import io.attendance.application.access.CreateUserCommand;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Password;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code create-user --username U --role R [--role R2 ...] [--employee ID]}: a user created from
 * the command line, for the first administrator of a service on an external database or for one
 * who lost every password. The password is the first line of standard input, never an argument
 * (the process list shows those) and never printed. Like {@code serve}, it first applies any
 * pending migration.
 */
final class CreateUserTool {
    static final String USAGE = "create-user --username U --role R [--role R2 ...] [--employee ID]";

    private CreateUserTool() {
    }

    static int run(List<String> words, AttendanceConfig config, InputStream in, PrintStream out, PrintStream err) {
        CreateUserCommand command;
        try {
            Arguments arguments = Arguments.parse(words.subList(1, words.size()));
            Grant grant = new Grant(arguments.roles, arguments.employee);
            Password password = Password.chosen("password", readPassword(in, arguments.username));
            command = new CreateUserCommand(arguments.username, password, grant);
        } catch (ValidationFailed | UsageError e) {
            err.println("create-user: " + e.getMessage() + "; usage: java -jar attendance-api.jar " + USAGE
                    + ", with the password (12 characters or more) on the first line of standard input");
            return Main.BAD_CONFIGURATION;
        }
        try (EmbeddedServices servers = EmbeddedServices.forService(config)) {
            Injector injector = Guice.createInjector(Stage.DEVELOPMENT,
                    new InfrastructureModule(config, servers.database(), servers.redisUrl()), new ServiceModule(config));
            try (PostgresDatabase database = injector.getInstance(PostgresDatabase.class);
                 RedisStore redis = injector.getInstance(RedisStore.class)) {
                AttendanceServer.migrateIfAsked(config, database);
                User user = injector.getInstance(UseCases.class).users().create(command);
                out.println("user " + user.username() + " created with roles "
                        + user.grant().roles().stream().sorted().toList()
                        + user.grant().employeeId().map(id -> " for employee " + id.value()).orElse(""));
                return Main.OK;
            }
        } catch (Conflict e) {
            err.println("create-user failed: " + e.getMessage() + " (the names of deleted users stay taken)");
            return Main.FAILED;
        }
    }

    /** The first line of standard input; from a terminal without echo. */
    private static String readPassword(InputStream in, Username username) {
        Console console = System.console();
        if (in == System.in && console != null) {
            char[] typed = console.readPassword("password for %s: ", username);
            return typed == null ? "" : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException("standard input could not be read", e);
        }
    }

    /** Arguments that do not make a command: a usage error, exit code 2. */
    private static final class UsageError extends IllegalArgumentException {
        UsageError(String message) {
            super(message);
        }
    }

    private record Arguments(Username username, Set<Role> roles, Optional<EmployeeId> employee) {
        static Arguments parse(List<String> words) {
            Username username = null;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Optional<EmployeeId> employee = Optional.empty();
            for (int index = 0; index < words.size(); index += 2) {
                String option = words.get(index);
                if (index + 1 >= words.size()) {
                    throw new UsageError(option + " needs a value");
                }
                String value = words.get(index + 1);
                switch (option) {
                    case "--username" -> username = new Username(value);
                    case "--role" -> Arrays.stream(value.split(",")).map(String::strip).filter(role -> !role.isEmpty())
                            .forEach(role -> roles.add(Role.parse("role", role)));
                    case "--employee" -> employee = Optional.of(new EmployeeId(value));
                    default -> throw new UsageError("unknown option '" + option + "'");
                }
            }
            if (username == null) {
                throw new UsageError("--username is required");
            }
            if (roles.isEmpty()) {
                throw new UsageError("at least one --role is required");
            }
            return new Arguments(username, roles, employee);
        }
    }
}
