package io.attendance.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.application.sync.SyncAttendance;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/**
 * v2 incremental sync: the feed of record changes in commit order, after the token of the previous
 * page. Open only to callers who may read every employee's records: the feed is not filtered per
 * employee, and a caller limited to its own reads that one's history instead.
 */
final class V2SyncEndpoints {
    private final V2Responses responses;
    private final SyncAttendance sync;

    V2SyncEndpoints(ObjectMapper json, SyncAttendance sync) {
        this.responses = new V2Responses(json);
        this.sync = sync;
    }

    void changes(Context ctx) throws IOException {
        RequestParameters parameters = new RequestParameters(ctx);
        Optional<String> after = parameters.text(SyncAttendance.AFTER);
        Optional<Integer> limit = parameters.limit();
        parameters.complete();
        responses.ok(ctx, V2RecordChangesView.of(sync.changesAfter(after, limit)));
    }
}
