package io.attendance.application.reading;

import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.WorkDate;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination cursors: the position after which the next page starts, the
 * kind of read and the query it belongs to, signed with HMAC-SHA256. A forged or altered cursor, one
 * of another kind of read, or one used with other filters, is a {@link ValidationFailed} on the
 * parameter that carried it ({@code cursor} for listings). Instances that share a secret accept each
 * other's cursors.
 */
public final class CursorCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String SEPARATOR = "\n";
    private static final String CURSOR = "cursor";
    private static final String RECORD_CHANGES = "record-changes";
    /**
     * Longer text is refused before it is decoded. Above the longest cursor issued (about 5,000
     * characters: an employee listing whose department and name prefix are as long as allowed, in
     * characters of four UTF-8 bytes, each percent-encoded in the signed query), which a lower
     * limit would refuse as forged.
     */
    private static final int MAX_TOKEN_LENGTH = 8192;

    private final SecretKeySpec key;

    /** A codec whose cursors only this instance accepts, until it stops: its secret is random. */
    public static CursorCodec withRandomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new CursorCodec(secret);
    }

    public CursorCodec(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a cursor secret needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String encode(AttendanceQuery query, AttendanceKey last) {
        return sign("attendance", query.canonical(), last.date() + SEPARATOR + last.employeeId().value());
    }

    public Optional<AttendanceKey> decode(AttendanceQuery query, Optional<String> cursor) {
        return cursor.map(token -> {
            String[] position = verify(token, CURSOR, "attendance", query.canonical()).split(SEPARATOR, -1);
            if (position.length != 2) {
                throw invalid(CURSOR);
            }
            return new AttendanceKey(WorkDate.parse(position[0]), new EmployeeId(position[1]));
        });
    }

    public String encode(EmployeeQuery query, EmployeeId last) {
        return sign("employees", query.canonical(), last.value());
    }

    public Optional<EmployeeId> decode(EmployeeQuery query, Optional<String> cursor) {
        return cursor.map(token -> new EmployeeId(verify(token, CURSOR, "employees", query.canonical())));
    }

    /** A token for where a reader of the record change feed goes on from. */
    public String encode(FeedPosition next) {
        return sign(RECORD_CHANGES, "", next.text());
    }

    /** The feed position in a token {@link #encode(FeedPosition)} made; a bad token is refused on {@code field}. */
    public Optional<FeedPosition> decodeFeedPosition(String field, Optional<String> token) {
        return token.map(text -> {
            String position = verify(text, field, RECORD_CHANGES, "");
            try {
                return FeedPosition.parse(position);
            } catch (IllegalArgumentException e) {
                throw invalid(field);
            }
        });
    }

    /** The cursor of a record's history, for the page after the event numbered {@code last}. */
    public String encodeHistory(AttendanceKey record, long last) {
        return sign("record-history", record.employeeId().value() + SEPARATOR + record.date(), Long.toString(last));
    }

    public OptionalLong decodeHistory(AttendanceKey record, Optional<String> cursor) {
        return sequence(cursor.map(token -> verify(token, CURSOR, "record-history",
                record.employeeId().value() + SEPARATOR + record.date())));
    }

    /** The cursor of an employee's history, for the page after the event numbered {@code last}. */
    public String encodeHistory(EmployeeId employee, long last) {
        return sign("employee-history", employee.value(), Long.toString(last));
    }

    public OptionalLong decodeHistory(EmployeeId employee, Optional<String> cursor) {
        return sequence(cursor.map(token -> verify(token, CURSOR, "employee-history", employee.value())));
    }

    private static OptionalLong sequence(Optional<String> position) {
        if (position.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(position.get()));
        } catch (NumberFormatException e) {
            throw invalid(CURSOR);
        }
    }

    private String sign(String kind, String query, String position) {
        byte[] payload = (kind + SEPARATOR + query + SEPARATOR + position).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The position in a genuine cursor of this kind and query; anything else is refused on {@code field}. */
    private String verify(String token, String field, String kind, String query) {
        int dot = token.indexOf('.');
        if (dot < 1 || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid(field);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            throw invalid(field);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        if (!text.startsWith(kind + SEPARATOR)) {
            throw new ValidationFailed(field, "was issued by another kind of read, not by this one");
        }
        String prefix = kind + SEPARATOR + query + SEPARATOR;
        if (!text.startsWith(prefix)) {
            throw new ValidationFailed(field, "belongs to another query: repeat the filters of the first page");
        }
        return text.substring(prefix.length());
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static ValidationFailed invalid(String field) {
        return new ValidationFailed(field, "is not a cursor this service issued");
    }
}
