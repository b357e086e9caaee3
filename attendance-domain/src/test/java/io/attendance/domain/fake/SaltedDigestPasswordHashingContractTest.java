package io.attendance.domain.fake;

import io.attendance.domain.port.PasswordHashing;
import io.attendance.domain.port.PasswordHashingContract;

class SaltedDigestPasswordHashingContractTest extends PasswordHashingContract {
    private final PasswordHashing hashing = new SaltedDigestPasswordHashing();

    @Override
    protected PasswordHashing hashing() {
        return hashing;
    }
}
