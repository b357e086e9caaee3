package io.attendance.adapter.postgres;

import io.attendance.domain.model.CredentialsVersion;
import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row of {@code users}: the grant as {@link GrantColumns}, instants as timestamptz, an enabled user's
 * disabled_at NULL, and credentials_changed_at NULL while the credentials version is 0.
 */
record UserRow(String username, String passwordHash, GrantColumns grant, OffsetDateTime createdAt,
        OffsetDateTime disabledAt, long credentialsVersion, OffsetDateTime credentialsChangedAt) {

    /** Every column, as named in the table. */
    static final String COLUMNS = "username, password_hash, roles, employee_id, created_at, disabled_at,"
            + " credentials_version, credentials_changed_at";

    static UserRow read(ResultSet rs) throws SQLException {
        return new UserRow(
                rs.getString("username"),
                rs.getString("password_hash"),
                GrantColumns.read(rs),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("disabled_at", OffsetDateTime.class),
                rs.getLong("credentials_version"),
                rs.getObject("credentials_changed_at", OffsetDateTime.class));
    }

    static UserRow fromDomain(User user) {
        return new UserRow(
                user.username().value(),
                user.passwordHash().encoded(),
                GrantColumns.fromDomain(user.grant()),
                user.createdAt().atOffset(ZoneOffset.UTC),
                user.disabledAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null),
                user.credentials().number(),
                user.credentials().changedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null));
    }

    User toDomain() {
        return new User(new Username(username), new PasswordHash(passwordHash), grant.toDomain(), createdAt.toInstant(),
                Optional.ofNullable(disabledAt).map(OffsetDateTime::toInstant),
                new CredentialsVersion(credentialsVersion,
                        Optional.ofNullable(credentialsChangedAt).map(OffsetDateTime::toInstant)));
    }

    /** Binds every column to the parameter of its name ({@code :username}...). */
    <S extends SqlStatement<S>> S bind(S statement) {
        return grant.bind(statement)
                .bind("username", username)
                .bind("password_hash", passwordHash)
                .bind("created_at", createdAt)
                .bindByType("disabled_at", disabledAt, OffsetDateTime.class)
                .bind("credentials_version", credentialsVersion)
                .bindByType("credentials_changed_at", credentialsChangedAt, OffsetDateTime.class);
    }
}
