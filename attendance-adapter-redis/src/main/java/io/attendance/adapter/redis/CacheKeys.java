package io.attendance.adapter.redis;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The names of every key {@link RedisReadCache} reads or writes; the layout is described there.
 * A value key is built up to its generation ({@code ...:g}); the lookup script appends the
 * generation it read.
 */
final class CacheKeys {
    static final String EPOCH = "att:gen:epoch";
    /**
     * The generation of every listing. Named {@code all} since the first release, when the full list
     * was the only listing; kept so that instances of both releases invalidate each other's entries
     * while a rolling upgrade runs.
     */
    static final String LISTINGS_GENERATION = "att:gen:all";
    static final String EMPLOYEE_GENERATION_PREFIX = "att:gen:emp:";
    /**
     * Where values live. {@code v3} is the version of the value layout ({@link CachedJson}; v3 stores
     * the v1 full listing as the bytes it is given): it moves with every incompatible change of that
     * layout, so two releases sharing one Redis never read each other's values.
     */
    static final String VALUE_PREFIX = "att:v3:";

    private static final Base64.Encoder DIGEST_TEXT = Base64.getUrlEncoder().withoutPadding();
    /** Written for an absent part of a listing's arguments; a present part starts with its length. */
    private static final String ABSENT = "-";

    private CacheKeys() {
    }

    static String employeeGeneration(EmployeeId employeeId) {
        return EMPLOYEE_GENERATION_PREFIX + employeeId.value();
    }

    /**
     * {@code att:v3:emp:<employee id>:<entry>[:<argument>...]:g}. Ids are made of
     * {@code [A-Za-z0-9._-]} and the arguments are ISO dates, so no part contains a colon.
     */
    static String employeeValue(EmployeeId employeeId, String entry, WorkDate... arguments) {
        StringBuilder key = new StringBuilder(VALUE_PREFIX).append("emp:").append(employeeId.value()).append(':')
                .append(entry);
        for (WorkDate argument : arguments) {
            key.append(':').append(argument);
        }
        return key.append(":g").toString();
    }

    /** {@code att:v3:list:<entry>:g}: a listing without arguments. */
    static String listingValue(String entry) {
        return VALUE_PREFIX + "list:" + entry + ":g";
    }

    /** {@code att:v3:list:<entry>:<digest of the arguments>:g}. */
    static String listingValue(String entry, Arguments arguments) {
        return VALUE_PREFIX + "list:" + entry + ':' + arguments.digest() + ":g";
    }

    /**
     * What a page of records depends on: every component of the query, the position and the limit.
     * Each component is written on its own rather than through {@link AttendanceQuery#canonical()},
     * whose free-text parts may contain its own separators.
     */
    static Arguments attendancePage(AttendanceQuery query, Optional<AttendanceKey> after, int limit) {
        return new Arguments()
                .add(query.from().toString())
                .add(query.to().toString())
                .add(query.employeeId().map(EmployeeId::value))
                .add(query.department())
                .add(query.status().map(Enum::name))
                .add(query.updatedSince().map(Instant::toString))
                .add(after.map(key -> key.date().toString()))
                .add(after.map(key -> key.employeeId().value()))
                .add(Integer.toString(limit));
    }

    /** What a page of employees depends on: every component of the query, the position and the limit. */
    static Arguments employeePage(EmployeeQuery query, Optional<EmployeeId> after, int limit) {
        return new Arguments()
                .add(query.department())
                .add(query.active().map(String::valueOf))
                .add(query.namePrefix())
                .add(after.map(EmployeeId::value))
                .add(Integer.toString(limit));
    }

    /**
     * The arguments of a listing, written so that two different lists of arguments never give the
     * same text (each present part is prefixed with its length, an absent one is {@value #ABSENT}),
     * then hashed so that a key stays short whatever the query holds.
     */
    static final class Arguments {
        private final StringBuilder text = new StringBuilder();
        private int count;

        Arguments add(Optional<String> part) {
            count++;
            part.ifPresentOrElse(present -> text.append(present.length()).append(':').append(present),
                    () -> text.append(ABSENT));
            text.append(';');
            return this;
        }

        Arguments add(String part) {
            return add(Optional.of(part));
        }

        int count() {
            return count;
        }

        String text() {
            return text.toString();
        }

        /** SHA-256 of the text, base64url without padding: 43 characters. */
        String digest() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
                return DIGEST_TEXT.encodeToString(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
