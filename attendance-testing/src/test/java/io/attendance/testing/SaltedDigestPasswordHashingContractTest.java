package io.attendance.testing;

import io.attendance.domain.port.PasswordHashing;
import io.attendance.testing.contract.PasswordHashingContract;

class SaltedDigestPasswordHashingContractTest extends PasswordHashingContract {
    private final PasswordHashing hashing = new SaltedDigestPasswordHashing();

    @Override
    protected PasswordHashing hashing() {
        return hashing;
    }
}
