package io.attendance.adapter.argon2;

import io.attendance.domain.port.PasswordHashing;
import io.attendance.testing.contract.PasswordHashingContract;

class Argon2PasswordHashingContractTest extends PasswordHashingContract {
    /** Cheap parameters: the contract is about behaviour, the cost is tested apart. */
    private final PasswordHashing hashing = new Argon2PasswordHashing(1024, 1, 1);

    @Override
    protected PasswordHashing hashing() {
        return hashing;
    }
}
