package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.adapter.http.ConformingHttpClient;
import io.attendance.client.Answers;
import io.attendance.client.ApiClient;
import io.attendance.client.ApiException;
import io.attendance.client.ApiResponse;
import io.attendance.client.api.AccessV2Api;
import io.attendance.client.api.AttendanceV1Api;
import io.attendance.client.api.AttendanceV2Api;
import io.attendance.client.api.EmployeesV2Api;
import io.attendance.client.model.Attendance;
import io.attendance.client.model.AttendanceRecord;
import io.attendance.client.model.BatchItem;
import io.attendance.client.model.CreateAttendance;
import io.attendance.client.model.Employee;
import io.attendance.client.model.FieldProblem;
import io.attendance.client.model.Problem;
import io.attendance.client.model.PutEmployee;
import io.attendance.client.model.RecordPage;
import io.attendance.client.model.SignIn;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client generated from the OpenAPI document, driving the whole service on real PostgreSQL
 * and Redis: what the document promises is what the server answers, ETags, 304 and 412 included.
 */
class ClientSystemTest {
    private static RunningService service;
    private static String baseUri;
    private static String token;
    private static ApiClient client;

    @BeforeAll
    static void start() throws ApiException {
        service = RunningService.start(TestServers.freshEnvironment());
        baseUri = "http://127.0.0.1:" + service.port();
        ApiClient anonymous = checkedClient();
        token = new AccessV2Api(anonymous)
                .signIn(new SignIn().username(RunningService.ADMIN).password(RunningService.ADMIN_PASSWORD))
                .getToken();
        client = checkedClient();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A client of the service whose every exchange is held to the OpenAPI document it was generated from. */
    private static ApiClient checkedClient() {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(ConformingHttpClient.builder(HttpClient.newBuilder()));
        client.updateBaseUri(baseUri);
        return client;
    }

    @Test
    void theReadmeExamplesRunAgainstTheService() throws ApiException {
        AttendanceV2Api attendance = new AttendanceV2Api(client);

        String etag = ClientExample.recordADay(baseUri, token);

        assertThat(etag).isEqualTo("\"1\"");
        assertThat(ClientExample.readIfChanged(attendance, etag)).isEmpty();
        assertThat(ClientExample.writeUnlessChanged(attendance, etag)).isEmpty();
        assertThat(ClientExample.readIfChanged(attendance, etag)).hasValueSatisfying(changed -> {
            assertThat(changed.getStatus()).isEqualTo("Absent");
            assertThat(changed.getVersion()).isEqualTo(2);
        });
        assertThat(ClientExample.writeUnlessChanged(attendance, etag)).hasValueSatisfying(problem -> {
            assertThat(problem.getStatus()).isEqualTo(412);
            assertThat(problem.getTitle()).isEqualTo("Precondition Failed");
        });
    }

    @Test
    void v1CreatesAndSearchesThroughTheClient() throws ApiException {
        AttendanceV1Api v1 = new AttendanceV1Api(client);

        String created = v1.createAttendanceV1(new CreateAttendance()
                .id("K-1").name("Grace Hopper").status("half-day").date(LocalDate.of(2026, 11, 2))).getMessage();
        Attendance found = v1.searchAttendanceV1("K-1");

        assertThat(created).isEqualTo("Successfully created the record for the employee id: $K-1");
        assertThat(found.getName()).isEqualTo("Grace Hopper");
        assertThat(found.getStatus()).isEqualTo("Half Day");
        assertThat(found.getDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(v1.searchAllAttendanceV1()).extracting(Attendance::getId).contains("K-1");
    }

    @Test
    void anEmployeesETagAnswersAConditionalGetWith304AndAStaleIfMatchWith412() throws ApiException {
        EmployeesV2Api employees = new EmployeesV2Api(client);

        ApiResponse<Employee> created = employees.putEmployeeWithHttpInfo("K-2", new PutEmployee().name("Alan Turing"), null, "*");
        String etag = Answers.etag(created).orElseThrow();
        ApiException notModified = catchThrowableOfType(ApiException.class,
                () -> employees.getEmployeeWithHttpInfo("K-2", null, etag));
        employees.putEmployee("K-2", new PutEmployee().name("Alan M. Turing"), etag, null);
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> employees.putEmployee("K-2", new PutEmployee().name("A. Turing"), etag, null));

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("Location")).containsExactly("/api/v2/employees/K-2");
        assertThat(etag).isEqualTo("\"1\"");
        // the native library throws for every status but 2xx: a 304 is an ApiException with its headers
        assertThat(notModified.getCode()).isEqualTo(304);
        assertThat(notModified.getResponseHeaders().firstValue("ETag")).contains(etag);
        assertThat(Answers.unlessNotModified(() -> employees.getEmployeeWithHttpInfo("K-2", null, etag)))
                .hasValueSatisfying(changed -> assertThat(changed.getData().getName()).isEqualTo("Alan M. Turing"));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(Answers.problem(stale)).hasValueSatisfying(problem -> {
            assertThat(problem.getStatus()).isEqualTo(412);
            assertThat(problem.getType()).isEqualTo("about:blank");
        });
        assertThat(employees.getEmployee("K-2", null, null).getName()).isEqualTo("Alan M. Turing");
    }

    @Test
    void aListingIsFollowedToTheEndThroughItsCursors() throws ApiException {
        new EmployeesV2Api(client).putEmployee("K-3", new PutEmployee().name("Barbara Liskov"), null, null);
        AttendanceV2Api attendance = new AttendanceV2Api(client);
        LocalDate first = LocalDate.of(2026, 10, 1);
        List<BatchItem> week = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            week.add(new BatchItem().employeeId("K-3").date(first.plusDays(day)).status("Present"));
        }
        assertThat(attendance.importAttendanceBatch(week).getCreated()).isEqualTo(7);

        List<Integer> pageSizes = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        String cursor = null;
        do {
            RecordPage page = attendance.searchAttendance(first, first.plusDays(30), "K-3", null, null, null, 3, cursor);
            pageSizes.add(page.getItems().size());
            page.getItems().stream().map(AttendanceRecord::getDate).forEach(dates::add);
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(dates).containsExactlyElementsOf(first.datesUntil(first.plusDays(7)).toList());
    }

    @Test
    void aRefusedBatchIsReadAsATypedProblem() throws ApiException {
        new EmployeesV2Api(client).putEmployee("K-4", new PutEmployee().name("Edsger Dijkstra"), null, null);
        LocalDate day = LocalDate.of(2026, 10, 5);
        List<BatchItem> batch = List.of(
                new BatchItem().employeeId("K-4").date(day).status("Present"),
                new BatchItem().employeeId("K-4").date(day.plusDays(1)).status("Sometimes"));

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new AttendanceV2Api(client).importAttendanceBatch(batch));
        Problem problem = Answers.problem(refused).orElseThrow();

        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("Bad Request");
        assertThat(problem.getErrors()).extracting(FieldProblem::getField).containsExactly("[1].status");
        assertThat(problem.getErrors().get(0).getMessage()).startsWith("must be one of");
        assertThat(new AttendanceV2Api(client).listEmployeeAttendance("K-4", day, day.plusDays(1)))
                .as("nothing of a refused batch is stored").isEmpty();
    }
}
