package io.attendance.adapter.http;

/** The v1 body for outcomes that carry only a sentence: {@code {"message": "..."}}. */
record MessageBody(String message) {
}
