package io.attendance.domain.model;

/** One kind of thing a caller may ask for; {@link Role} says who is granted which. */
public enum Permission {
    READ_EMPLOYEES,
    WRITE_EMPLOYEES,
    READ_ATTENDANCE,
    /** Create and replace daily records, one at a time. */
    WRITE_ATTENDANCE,
    DELETE_ATTENDANCE,
    /** Write many records in one request (batch, and later CSV imports). */
    IMPORT_ATTENDANCE,
    /** Users and API keys. */
    MANAGE_ACCESS,
    READ_METRICS
}
