package io.attendance.domain.model;

/** What a change did to a record. */
public enum AuditAction {
    CREATED,
    UPDATED,
    DELETED
}
