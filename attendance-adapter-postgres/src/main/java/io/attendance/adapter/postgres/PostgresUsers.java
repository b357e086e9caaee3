package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Users;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
            VALUES (:username, :password_hash, :roles, :employee_id, :created_at, :disabled_at, :credentials_version,
                    :credentials_changed_at)
            ON CONFLICT (username) DO NOTHING
            """.formatted(UserRow.COLUMNS);
    /** By username, whose "C" collation is the order of the names' text. */
    private static final String LIST = """
            SELECT %s
              FROM <users>
             ORDER BY username
            """.formatted(UserRow.COLUMNS);
    private static final String ANY = "SELECT EXISTS (SELECT 1 FROM <users>)";
    /**
     * Every enabled administrator, locked in name order: a disabling waits here for any other one in
     * progress to end, and then counts the administrators it left (rows a concurrent disabling changed
     * are checked again against the WHERE before they are returned).
     */
    private static final String LOCK_ADMINISTRATORS = """
            SELECT username
              FROM <users>
             WHERE disabled_at IS NULL AND 'ADMIN' = ANY (roles)
             ORDER BY username
               FOR UPDATE
            """;
    private static final String DISABLE = """
            UPDATE <users>
               SET disabled_at = :at,
                   credentials_version = credentials_version + 1,
                   credentials_changed_at = :at
             WHERE username = :username AND disabled_at IS NULL
            """;
    private static final String CHANGE_PASSWORD = """
            UPDATE <users>
               SET password_hash = :password_hash,
                   credentials_version = credentials_version + 1,
                   credentials_changed_at = :at
             WHERE username = :username AND disabled_at IS NULL
            """;
    /** Served by users_credentials_changed_at_idx. */
    private static final String CREDENTIALS_CHANGED_SINCE = """
            SELECT username, credentials_version
              FROM <users>
             WHERE credentials_changed_at >= :since
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

    /** In a transaction of its own unless in a unit of work already: the lock must last until the change commits. */
    @Override
    public Disabling disable(Username username, Instant at) {
        return transactions.inTransaction(() -> transactions.withHandle(handle -> {
            List<String> administrators = handle.createQuery(LOCK_ADMINISTRATORS).mapTo(String.class).list();
            if (administrators.equals(List.of(username.value()))) {
                return Disabling.LAST_ADMINISTRATOR;
            }
            int disabled = handle.createUpdate(DISABLE)
                    .bind("username", username.value())
                    .bind("at", at.atOffset(ZoneOffset.UTC))
                    .execute();
            return disabled == 1 ? Disabling.DISABLED : Disabling.NO_ENABLED_USER;
        }));
    }

    @Override
    public boolean changePassword(Username username, PasswordHash passwordHash, Instant at) {
        return transactions.withHandle(handle -> handle.createUpdate(CHANGE_PASSWORD)
                .bind("username", username.value())
                .bind("password_hash", passwordHash.encoded())
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute()) == 1;
    }

    @Override
    public Map<Username, Long> credentialsChangedSince(Instant since) {
        return transactions.withHandle(handle -> handle.createQuery(CREDENTIALS_CHANGED_SINCE)
                .bind("since", since.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> Map.entry(new Username(rs.getString("username")), rs.getLong("credentials_version")))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
