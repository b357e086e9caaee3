package io.attendance.adapter.postgres;

import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.port.ApiKeys;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** {@link ApiKeys} in the {@code api_keys} table. */
public final class PostgresApiKeys implements ApiKeys {
    /**
     * A taken id or digest violates the primary key or the digest's unique constraint, reported as a
     * Conflict; a creator who is no user violates the foreign key, a bug that propagates as it is.
     */
    private static final String ADD = """
            INSERT INTO <api_keys> (id, name, secret_digest, roles, employee_id, created_by, created_at, revoked_at)
            VALUES (:id, :name, :secret_digest, :roles, :employee_id, :created_by, :created_at, :revoked_at)
            """;
    /** In force: one query over the digest's unique index and the creator's primary key. */
    static final String FIND_IN_FORCE = """
            SELECT %s
              FROM <api_keys> k
              JOIN <users> u ON u.username = k.created_by
             WHERE k.secret_digest = :secret_digest
               AND k.revoked_at IS NULL
               AND u.disabled_at IS NULL
            """.formatted(ApiKeyRow.columns("k"));
    /** Newest first; of keys created at the same instant, the greater id first. */
    private static final String LIST = """
            SELECT %s
              FROM <api_keys> k
             ORDER BY k.created_at DESC, k.id DESC
            """.formatted(ApiKeyRow.columns("k"));
    private static final String REVOKE = """
            UPDATE <api_keys>
               SET revoked_at = :revoked_at
             WHERE id = :id AND revoked_at IS NULL
            """;

    private final PostgresTransactions transactions;

    PostgresApiKeys(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    /** @throws io.attendance.domain.error.Conflict when a key has that id or that digest */
    @Override
    public void add(ApiKey key, String secretDigest) {
        ApiKeyRow row = ApiKeyRow.fromDomain(key);
        transactions.withHandle(handle -> row.bind(handle.createUpdate(ADD))
                .bind("secret_digest", secretDigest)
                .execute());
    }

    @Override
    public Optional<ApiKey> findInForce(String secretDigest) {
        return transactions.withHandle(handle -> handle.createQuery(FIND_IN_FORCE)
                .bind("secret_digest", secretDigest)
                .map((rs, ctx) -> ApiKeyRow.read(rs))
                .findOne()
                .map(ApiKeyRow::toDomain));
    }

    @Override
    public List<ApiKey> list() {
        return transactions.withHandle(handle -> handle.createQuery(LIST)
                .map((rs, ctx) -> ApiKeyRow.read(rs).toDomain())
                .list());
    }

    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return transactions.withHandle(handle -> handle.createUpdate(REVOKE)
                .bind("id", id.value())
                .bind("revoked_at", at.atOffset(ZoneOffset.UTC))
                .execute()) == 1;
    }
}
