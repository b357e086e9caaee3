package io.attendance.bootstrap;

import io.attendance.client.Answers;
import io.attendance.client.ApiClient;
import io.attendance.client.ApiException;
import io.attendance.client.ApiResponse;
import io.attendance.client.api.AttendanceV2Api;
import io.attendance.client.api.EmployeesV2Api;
import io.attendance.client.model.AttendanceRecord;
import io.attendance.client.model.Problem;
import io.attendance.client.model.PutEmployee;
import io.attendance.client.model.PutRecord;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The client examples of docs/clients.md, word for word ({@link ReadmeExamplesTest} compares them): compiled
 * by the build and run by {@link ClientSystemTest}, so they cannot rot.
 */
final class ClientExample {
    private ClientExample() {
    }

    /** Records a day and reads it back; gives the record's ETag. */
    static String recordADay(String baseUri, String token) throws ApiException {
        // region record-a-day
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri); // such as "http://localhost:8080"
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        EmployeesV2Api employees = new EmployeesV2Api(client);
        AttendanceV2Api attendance = new AttendanceV2Api(client);

        employees.putEmployee("E-1001", new PutEmployee().name("Ada Lovelace"), null, null);
        LocalDate day = LocalDate.of(2026, 11, 27);
        attendance.putRecord("E-1001", day, new PutRecord().status("Present").note("On site"), null, null);
        ApiResponse<AttendanceRecord> read = attendance.getRecordWithHttpInfo("E-1001", day, null, null);
        String etag = Answers.etag(read).orElseThrow(); // "1": the record's version
        // endregion
        return etag;
    }

    /** Reads the record again only if it changed since {@code etag}. */
    static Optional<AttendanceRecord> readIfChanged(AttendanceV2Api attendance, String etag) throws ApiException {
        LocalDate day = LocalDate.of(2026, 11, 27);
        // region read-if-changed
        Optional<ApiResponse<AttendanceRecord>> changed =
                Answers.unlessNotModified(() -> attendance.getRecordWithHttpInfo("E-1001", day, null, etag));
        // empty: the server answered 304 Not Modified, the copy held is current
        // endregion
        return changed.map(ApiResponse::getData);
    }

    /** Writes unless the record changed since {@code etag}; gives the problem answered instead. */
    static Optional<Problem> writeUnlessChanged(AttendanceV2Api attendance, String etag) throws ApiException {
        LocalDate day = LocalDate.of(2026, 11, 27);
        // region read-a-problem
        try {
            attendance.putRecord("E-1001", day, new PutRecord().status("Absent"), etag, null);
            return Optional.empty();
        } catch (ApiException e) {
            // every /api/v2 error is application/problem+json: status, title, detail and field errors
            Problem problem = Answers.problem(e).orElseThrow(() -> e);
            return Optional.of(problem); // 412 Precondition Failed when the record changed since etag
        }
        // endregion
    }
}
