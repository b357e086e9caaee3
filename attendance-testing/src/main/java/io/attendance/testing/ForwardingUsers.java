package io.attendance.testing;

import io.attendance.domain.model.PasswordHash;
import io.attendance.domain.model.User;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.Users;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passes every call on; tests override the calls they want to delay, fail, count or see a race in. */
public abstract class ForwardingUsers implements Users {
    private final Users delegate;

    protected ForwardingUsers(Users delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<User> find(Username username) {
        return delegate.find(username);
    }

    @Override
    public void add(User user) {
        delegate.add(user);
    }

    @Override
    public List<User> list() {
        return delegate.list();
    }

    @Override
    public boolean any() {
        return delegate.any();
    }

    @Override
    public Disabling disable(Username username, Instant at) {
        return delegate.disable(username, at);
    }

    @Override
    public boolean changePassword(Username username, PasswordHash passwordHash, Instant at) {
        return delegate.changePassword(username, passwordHash, at);
    }

    @Override
    public Map<Username, Long> credentialsChangedSince(Instant since) {
        return delegate.credentialsChangedSince(since);
    }
}
