package io.attendance.application.access;

import io.attendance.domain.error.Forbidden;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.Unauthenticated;
import io.attendance.domain.model.ApiKey;
import io.attendance.domain.model.ApiKeyId;
import io.attendance.domain.model.Principal;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.Transactions;
import java.time.Clock;
import java.util.List;

/**
 * Keys for machines that cannot sign in (time clocks, payroll syncs): issued by a signed-in
 * administrator, on whose authority they act, listed without secrets, revoked at once.
 */
public final class ApiKeyService {
    private final Transactions transactions;
    private final ApiKeys keys;
    private final Clock clock;

    public ApiKeyService(Transactions transactions, ApiKeys keys, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @throws Forbidden when the issuer is not a signed-in user: a key must trace back to a person
     */
    public IssuedApiKey issue(IssueApiKeyCommand command, Principal issuer) {
        if (issuer.kind() != Principal.Kind.USER) {
            throw new Forbidden("API keys are issued by a signed-in user, not by another key");
        }
        ApiKey key = ApiKey.issued(command.name(), command.grant(), new Username(issuer.name()), clock.instant());
        SecretToken secret = SecretToken.generate();
        transactions.runInTransaction(() -> keys.add(key, secret.digest()));
        return new IssuedApiKey(key, secret);
    }

    /** Every key, revoked ones too, newest first; no secret, which is not kept. */
    public List<ApiKey> list() {
        return transactions.inTransaction(keys::list);
    }

    /** @throws NotFound when no key in force has that id */
    public void revoke(ApiKeyId id) {
        if (!transactions.inTransaction(() -> keys.revoke(id, clock.instant()))) {
            throw new NotFound("no API key in force with id " + id);
        }
    }

    /**
     * Who a request with this key acts as; checked against the store on every request, so a revoked
     * key or a deleted issuer stops every instance at once.
     *
     * @throws Unauthenticated when it is no key in force
     */
    public Principal principalOf(String key) {
        return SecretToken.presented(key)
                .flatMap(presented -> keys.findInForce(presented.digest())) // one statement: no unit of work needed
                .map(ApiKey::principal)
                .orElseThrow(() -> new Unauthenticated("the API key is unknown or revoked"));
    }

    /**
     * The key, revoked or not, without its secret. Read from the listing: a deployment issues keys by
     * hand, a few for each device and sync, so one more lookup in the port would buy nothing.
     *
     * @throws NotFound when no key has that id
     */
    public ApiKey get(ApiKeyId id) {
        return list().stream().filter(key -> key.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("no API key with id " + id));
    }
}
