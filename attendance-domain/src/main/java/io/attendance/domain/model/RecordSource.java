package io.attendance.domain.model;

/** Which way a record was last written: through which route or channel. */
public enum RecordSource {
    /** The v2 API, one record at a time. */
    API,
    /** The OT-Microservices v1 contract. */
    V1,
    /** A v2 batch of upserts. */
    BATCH
}
