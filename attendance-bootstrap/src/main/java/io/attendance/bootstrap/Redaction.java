package io.attendance.bootstrap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be shown of a configured URL: its scheme and nothing after. A password can hide in the
 * user info, in the query, or anywhere at all once the URL is malformed (a '/' in it moves the '@'
 * out of the authority), so no part after {@code ://} is ever kept, whether or not the URL parses.
 */
final class Redaction {
    /** One scheme token (after an optional {@code jdbc:}) ending in {@code ://}: it cannot reach a '@'. */
    private static final Pattern SCHEME = Pattern.compile("^(jdbc:)?[A-Za-z][A-Za-z0-9+.-]*://");

    private Redaction() {
    }

    static String url(String text) {
        Matcher scheme = SCHEME.matcher(text.strip());
        return (scheme.find() ? scheme.group() : "") + "***";
    }
}
