package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The v1 body of a validation failure (400): {@code {"error": "Validation Error", "message": "..."}}.
 * The service this replaces answers its validation failures with that {@code error}, which its
 * clients read; {@code message} says precisely what was wrong.
 */
@JsonPropertyOrder({"error", "message"})
record V1ValidationErrorBody(String error, String message) {
    static final String VALIDATION_ERROR = "Validation Error";

    static V1ValidationErrorBody of(String message) {
        return new V1ValidationErrorBody(VALIDATION_ERROR, message);
    }
}
