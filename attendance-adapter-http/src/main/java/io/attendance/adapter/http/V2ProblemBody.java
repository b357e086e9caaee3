package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem, as every v2 error is told: {@code {"type","title","status","detail","errors"}},
 * {@code errors} the rejected fields (an empty list when the failure is not about fields).
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
record V2ProblemBody(String type, String title, int status, String detail, List<FieldProblem> errors) {
    /**
     * {@code about:blank} (RFC 9457 §4.2.1): the status says what kind of problem it is and the title is
     * its standard phrase; the field errors tell a validation failure apart. No problem-type URI is
     * promised that would have to be hosted and kept forever.
     */
    static final String TYPE = "about:blank";
    static final String CONTENT_TYPE = "application/problem+json";

    @JsonPropertyOrder({"field", "message"})
    record FieldProblem(String field, String message) {
    }
}
