package io.attendance.domain.port;

import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The keys machines use instead of signing in, stored by the digest of their secret, never the secret. */
public interface ApiKeys {

    /** Stores a new key whose secret has this digest. */
    void add(ApiKey key, String secretDigest);

    /**
     * The key whose secret has this digest, if it is still in force: not revoked, and its creator
     * not disabled.
     */
    Optional<ApiKey> findInForce(String secretDigest);

    /** Every key, revoked ones included, newest first. */
    List<ApiKey> list();

    /** @return false when no unrevoked key has that id */
    boolean revoke(ApiKeyId id, Instant at);
}
