package io.attendance.testing;

import io.attendance.domain.error.Conflict;
import io.attendance.testing.InMemoryStore.StoredKey;
import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.port.ApiKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link ApiKeys} over an {@link InMemoryStore}, whose users it reads to keep a key in force only
 * while its creator is enabled; rolled back with the unit of work it is part of.
 */
public final class InMemoryApiKeys implements ApiKeys {
    /** Newest first; of keys created at the same instant, the greater id first, as the real adapter orders them. */
    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparing(ApiKey::createdAt)
            .thenComparing(key -> key.id().value())
            .reversed();

    private final InMemoryStore db;

    public InMemoryApiKeys(InMemoryStore db) {
        this.db = db;
    }

    /**
     * @throws Conflict when a key has that id or that digest
     * @throws IllegalStateException when no user is the key's creator
     */
    @Override
    public void add(ApiKey key, String secretDigest) {
        db.runInTransaction(() -> {
            if (!db.users.containsKey(key.createdBy().value())) {
                throw new IllegalStateException("no user " + key.createdBy() + " to create key " + key.id());
            }
            boolean taken = db.apiKeys.containsKey(key.id())
                    || db.apiKeys.values().stream().anyMatch(stored -> stored.secretDigest().equals(secretDigest));
            if (taken) {
                throw new Conflict("an API key with id " + key.id() + " or its secret exists already");
            }
            db.put(db.apiKeys, key.id(), new StoredKey(key, secretDigest));
        });
    }

    @Override
    public Optional<ApiKey> findInForce(String secretDigest) {
        return db.inTransaction(() -> db.apiKeys.values().stream()
                .filter(stored -> stored.secretDigest().equals(secretDigest))
                .map(StoredKey::key)
                .filter(key -> key.revokedAt().isEmpty() && db.users.get(key.createdBy().value()).enabled())
                .findFirst());
    }

    /** Every secret digest stored: what a test checks against the secrets handed out. */
    public List<String> digests() {
        return db.inTransaction(() -> db.apiKeys.values().stream().map(StoredKey::secretDigest).toList());
    }

    @Override
    public List<ApiKey> list() {
        return db.inTransaction(() -> db.apiKeys.values().stream().map(StoredKey::key).sorted(NEWEST_FIRST).toList());
    }

    @Override
    public boolean revoke(ApiKeyId id, Instant at) {
        return db.inTransaction(() -> {
            StoredKey stored = db.apiKeys.get(id);
            if (stored == null || stored.key().revokedAt().isPresent()) {
                return false;
            }
            ApiKey key = stored.key();
            db.put(db.apiKeys, id, new StoredKey(new ApiKey(key.id(), key.name(), key.grant(), key.createdBy(),
                    key.createdAt(), Optional.of(at)), stored.secretDigest()));
            return true;
        });
    }
}
