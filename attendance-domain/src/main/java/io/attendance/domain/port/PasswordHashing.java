package io.attendance.domain.port;

import io.attendance.domain.model.Password;
import io.attendance.domain.model.PasswordHash;

/** A deliberately slow, salted password hash (argon2id or the like): never a fast digest. */
public interface PasswordHashing {

    PasswordHash hash(Password password);

    /**
     * Whether the password is the one hashed; takes about as long as {@link #hash} whether it
     * matches or not, and false (not an exception) for a hash this hashing cannot read.
     */
    boolean matches(Password password, PasswordHash hash);
}
