package io.attendance.adapter.http;

import io.javalin.http.Context;

/** Who a request acts as, for the audit trail. Until authentication lands, everyone is {@value #ANONYMOUS}. */
final class Actors {
    static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    static String of(Context ctx) {
        return ANONYMOUS;
    }
}
