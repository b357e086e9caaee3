package io.attendance.testing;

import io.attendance.domain.port.ApiKeys;
import io.attendance.domain.port.AttendanceRecords;
import io.attendance.domain.port.AuditTrail;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.DayChanges;
import io.attendance.domain.port.Employees;
import io.attendance.domain.port.HealthProbe;
import io.attendance.domain.port.Persistence;
import io.attendance.domain.port.Transactions;
import io.attendance.domain.port.Users;

/**
 * Passes every port on; tests override the ports they want to replace, such as records that fail
 * or count calls, and keep the rest of one store.
 */
public abstract class ForwardingPersistence implements Persistence {
    private final Persistence delegate;

    protected ForwardingPersistence(Persistence delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transactions transactions() {
        return delegate.transactions();
    }

    @Override
    public Employees employees() {
        return delegate.employees();
    }

    @Override
    public AttendanceRecords attendanceRecords() {
        return delegate.attendanceRecords();
    }

    @Override
    public AuditTrail auditTrail() {
        return delegate.auditTrail();
    }

    @Override
    public DayChanges dayChanges() {
        return delegate.dayChanges();
    }

    @Override
    public ChangeFeed changeFeed() {
        return delegate.changeFeed();
    }

    @Override
    public Users users() {
        return delegate.users();
    }

    @Override
    public ApiKeys apiKeys() {
        return delegate.apiKeys();
    }

    @Override
    public HealthProbe healthProbe() {
        return delegate.healthProbe();
    }
}
