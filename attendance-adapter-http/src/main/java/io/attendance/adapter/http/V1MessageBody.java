package io.attendance.adapter.http;

/** The v1 body for outcomes that carry only a sentence: {@code {"message": "..."}}. */
record V1MessageBody(String message) {
}
