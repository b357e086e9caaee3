package io.attendance.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.client.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What the generated API answers besides the 2xx it returns. Its {@code ...WithHttpInfo} methods
 * answer an {@link ApiResponse} (status, headers, body) for a 2xx and throw an {@link ApiException}
 * for every other status: a 304 Not Modified too, a problem (4xx, 5xx) with its body as text. These
 * helpers turn the 304 into an empty answer and the text into the {@link Problem} model.
 */
public final class Answers {
    private static final int NOT_MODIFIED = 304;
    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

    private Answers() {
    }

    /**
     * A call of a generated {@code ...WithHttpInfo} method.
     *
     * @param <T> the type of the answer's body
     */
    @FunctionalInterface
    public interface Call<T> {
        /**
         * Makes the call.
         *
         * @return the 2xx answer
         * @throws ApiException for any other status
         */
        ApiResponse<T> call() throws ApiException;
    }

    /**
     * Makes a conditional GET ({@code If-None-Match}).
     *
     * @param <T> the type of the answer's body
     * @param call the GET, such as {@code () -> records.getRecordWithHttpInfo(id, date, null, etag)}
     * @return the answer, or empty when the server answered 304 Not Modified: the copy the caller holds is current
     * @throws ApiException for any other status that is not a 2xx
     */
    public static <T> Optional<ApiResponse<T>> unlessNotModified(Call<T> call) throws ApiException {
        try {
            return Optional.of(call.call());
        } catch (ApiException e) {
            if (e.getCode() == NOT_MODIFIED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The answer's entity tag, for a later {@code If-Match} or {@code If-None-Match}.
     *
     * @param response a 2xx answer of an employee or a record
     * @return its {@code ETag} header, quotes included, such as {@code "3"}; empty when it has none
     */
    public static Optional<String> etag(ApiResponse<?> response) {
        List<String> values = response.getHeaders().get("ETag");
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The problem a failed call answered: every /api/v2 error is {@code application/problem+json}.
     *
     * @param failure what a generated method threw
     * @return the problem with its status, title, detail and field errors; empty when the body is
     *     none (a 304) or not a problem (a v1 error, {@code {"message": ...}})
     */
    public static Optional<Problem> problem(ApiException failure) {
        String body = failure.getResponseBody();
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Problem problem = JSON.readValue(body, Problem.class);
            return problem.getStatus() == null ? Optional.empty() : Optional.of(problem);
        } catch (JsonProcessingException notAProblem) {
            return Optional.empty();
        }
    }
}
