package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Users;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@link Users} in the {@code users} table. */
public final class PostgresUsers implements Users {
    private static final String FIND = """
            SELECT %s
              FROM <users>
             WHERE username = :username
            """.formatted(UserRow.COLUMNS);
    /** As PostgresEmployees adds: ON CONFLICT DO NOTHING keeps the transaction usable, and a disabled user's row conflicts too. */
    private static final String ADD = """
            INSERT INTO <users> (%s)
            VALUES (:username, :password_hash, :roles, :employee_id, :created_at, :disabled_at)
            ON CONFLICT (username) DO NOTHING
            """.formatted(UserRow.COLUMNS);
    /** By username, whose "C" collation is the order of the names' text. */
    private static final String LIST = """
            SELECT %s
              FROM <users>
             ORDER BY username
            """.formatted(UserRow.COLUMNS);
    private static final String ANY = "SELECT EXISTS (SELECT 1 FROM <users>)";
    /** Sets the column named by the format's argument of the user, if enabled, to {@code :value}. */
    private static final String UPDATE_ENABLED = """
            UPDATE <users>
               SET %s = :value
             WHERE username = :username AND disabled_at IS NULL
            """;

    private final PostgresTransactions transactions;

    PostgresUsers(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<User> find(Username username) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("username", username.value())
                .map((rs, ctx) -> UserRow.read(rs))
                .findOne()
                .map(UserRow::toDomain));
    }

    @Override
    public void add(User user) {
        UserRow row = UserRow.fromDomain(user);
        int inserted = transactions.withHandle(handle -> row.bind(handle.createUpdate(ADD)).execute());
        if (inserted == 0) {
            throw new Conflict("user " + user.username() + " exists already");
        }
    }

    @Override
    public List<User> list() {
        return transactions.withHandle(handle -> handle.createQuery(LIST)
                .map((rs, ctx) -> UserRow.read(rs).toDomain())
                .list());
    }

    @Override
    public boolean any() {
        return transactions.withHandle(handle -> handle.createQuery(ANY).mapTo(Boolean.class).one());
    }

    @Override
    public boolean disable(Username username, Instant at) {
        return updateEnabled(username, "disabled_at", at.atOffset(ZoneOffset.UTC));
    }

    @Override
    public boolean changePassword(Username username, PasswordHash passwordHash) {
        return updateEnabled(username, "password_hash", passwordHash.encoded());
    }

    /** Sets {@code column} (a constant of this class's, never input) of the enabled user; false when there is none. */
    private boolean updateEnabled(Username username, String column, Object value) {
        return transactions.withHandle(handle -> handle.createUpdate(UPDATE_ENABLED.formatted(column))
                .bind("username", username.value())
                .bind("value", value)
                .execute()) == 1;
    }
}
