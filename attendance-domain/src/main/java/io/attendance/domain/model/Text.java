package io.attendance.domain.model;

import io.attendance.domain.error.ValidationFailed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rules for free text that people type, shared by every field that accepts some. */
final class Text {
    private Text() {
    }

    /**
     * Required, stripped, at most {@code maxLength} characters, no control characters at all, and
     * well-formed Unicode: a lone surrogate has no UTF-8 form, so a store would keep another text
     * (PostgreSQL a '?') than the one the write answered with.
     */
    static String requireLine(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ValidationFailed(field, "is required");
        }
        return requireWithin(field, value.strip(), maxLength, false);
    }

    /** Absent when null or blank; else stripped and checked like {@link #requireLine}. */
    static Optional<String> optionalLine(String field, String value, int maxLength) {
        return value == null || value.isBlank()
                ? Optional.empty()
                : Optional.of(requireWithin(field, value.strip(), maxLength, false));
    }

    /** Like {@link #optionalLine} but line breaks and tabs are allowed (notes). */
    static Optional<String> optionalParagraphs(String field, String value, int maxLength) {
        return value == null || value.isBlank()
                ? Optional.empty()
                : Optional.of(requireWithin(field, value.strip(), maxLength, true));
    }

    /** The text percent-encoded (UTF-8), so that it holds no '&' or '=' of its own: for canonical forms. */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String requireWithin(String field, String value, int maxLength, boolean paragraphs) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new ValidationFailed(field, "must be at most " + maxLength + " characters");
        }
        boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(paragraphs && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            throw new ValidationFailed(field, "must not contain control characters");
        }
        boolean loneSurrogate = value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
        if (loneSurrogate) {
            throw new ValidationFailed(field, "must be Unicode text: it has a lone surrogate (\\uD800-\\uDFFF)");
        }
        return value;
    }
}
