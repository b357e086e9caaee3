package io.attendance.adapter.postgres;

import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.model.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A row of {@code api_keys} but its secret's digest: the grant as {@link GrantColumns}, instants as
 * timestamptz, an unrevoked key's revoked_at NULL.
 */
record ApiKeyRow(String id, String name, GrantColumns grant, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime revokedAt) {

    /** The key's columns, each named with {@code alias.}: all of them but {@code secret_digest}. */
    static String columns(String alias) {
        return "%1$s.id, %1$s.name, %1$s.roles, %1$s.employee_id, %1$s.created_by, %1$s.created_at, %1$s.revoked_at"
                .formatted(alias);
    }

    static ApiKeyRow read(ResultSet rs) throws SQLException {
        return new ApiKeyRow(
                rs.getString("id"),
                rs.getString("name"),
                GrantColumns.read(rs),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }

    static ApiKeyRow fromDomain(ApiKey key) {
        return new ApiKeyRow(
                key.id().value(),
                key.name(),
                GrantColumns.fromDomain(key.grant()),
                key.createdBy().value(),
                key.createdAt().atOffset(ZoneOffset.UTC),
                key.revokedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null));
    }

    ApiKey toDomain() {
        return new ApiKey(new ApiKeyId(id), name, grant.toDomain(), new Username(createdBy), createdAt.toInstant(),
                Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant));
    }

    /** Binds every column but the digest to the parameter of its name ({@code :id}...). */
    <S extends SqlStatement<S>> S bind(S statement) {
        return grant.bind(statement)
                .bind("id", id)
                .bind("name", name)
                .bind("created_by", createdBy)
                .bind("created_at", createdAt)
                .bindByType("revoked_at", revokedAt, OffsetDateTime.class);
    }
}
