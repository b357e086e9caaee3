package io.attendance.adapter.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The v1 detailed health: {@code {"message","postgresql","redis","status"}}, each state "up" or "down". */
@JsonPropertyOrder({"message", "postgresql", "redis", "status"})
record V1HealthDetailView(String message, String postgresql, String redis, String status) {

    static String upOrDown(boolean up) {
        return up ? "up" : "down";
    }
}
