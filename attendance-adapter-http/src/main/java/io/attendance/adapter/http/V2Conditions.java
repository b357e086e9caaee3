package io.attendance.adapter.http;

import io.attendance.application.writing.Precondition;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.error.ValidationFailed;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conditional requests (RFC 9110 §13) on the v2 single resources, employees and records, whose
 * entity tag is their version. The decisions:
 * <ul>
 *   <li>The ETag is strong: {@code "<version>"}, such as {@code "3"}.</li>
 *   <li>{@code If-Match} is {@code *} or a list of tags ({@code "3", "4"}, also over several header
 *       lines), compared strongly (RFC 9110 §13.1.1): a weak tag ({@code W/"3"}) matches no version,
 *       so a list of weak tags only always fails. {@code If-None-Match} compares weakly: {@code W/"3"}
 *       matches version 3.</li>
 *   <li>On a GET, a failing {@code If-Match} is 412, and an {@code If-None-Match} ({@code *} or a
 *       list) that matches is 304 with the ETag and no body. Reads and writes decide {@code If-Match}
 *       alike, by {@link Precondition#check}.</li>
 *   <li>On a PUT or DELETE, {@code If-None-Match} may only be {@code *} (create-only); a list of tags
 *       there is 400, and so is {@code If-None-Match: *} together with {@code If-Match}, which can
 *       never both hold.</li>
 *   <li>A header that is not {@code *} nor a list of {@code [W/]"<digits>"} is malformed: 400 naming
 *       the header. A tag like {@code "abc"} can never be one of ours, so it is a client bug to be told,
 *       not a silent mismatch.</li>
 * </ul>
 * Versions are compared inside the application's unit of work ({@link Precondition}), so that of
 * concurrent writers pinning the same version exactly one succeeds.
 */
final class V2Conditions {
    private static final Pattern TAG = Pattern.compile("(W/)?\"([0-9]{1,18})\"");
    private static final String SYNTAX = "must be * or a list of ETags such as \"3\"";

    private V2Conditions() {
    }

    /**
     * {@code *} or the versions a conditional header names: all of them, and those named by a strong
     * tag.
     */
    record Tags(boolean any, Set<Long> versions, Set<Long> strongVersions) {
        /** The weak comparison, of {@code If-None-Match}. */
        boolean matchWeakly(long version) {
            return any || versions.contains(version);
        }

        /** As an {@code If-Match}: the strong comparison, made by {@link Precondition#check}. */
        Precondition asIfMatch() {
            return any ? Precondition.ifMatchAny() : Precondition.ifMatchOneOf(strongVersions);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The precondition of a PUT or DELETE, as the client sent it: the application checks it against
     * the stored version inside the unit of work that writes.
     *
     * @throws ValidationFailed when a header is malformed or the two contradict each other
     */
    static Precondition forWrite(Context ctx) {
        Optional<Tags> ifMatch = tags(ctx, Header.IF_MATCH);
        Optional<Tags> ifNoneMatch = tags(ctx, Header.IF_NONE_MATCH);
        if (ifNoneMatch.isPresent()) {
            if (!ifNoneMatch.get().any()) {
                throw new ValidationFailed(Header.IF_NONE_MATCH, "on a write may only be * (create only)");
            }
            if (ifMatch.isPresent()) {
                throw new ValidationFailed(Header.IF_NONE_MATCH, "* cannot be sent with If-Match: one says it must not exist, the other that it must");
            }
            return Precondition.ifNoneMatchAny();
        }
        return ifMatch.map(Tags::asIfMatch).orElse(Precondition.NONE);
    }

    /**
     * Evaluates a GET's conditions against the resource's version.
     *
     * @return true when If-None-Match matches: the answer is 304 Not Modified
     * @throws PreconditionFailed when If-Match does not match
     */
    static boolean notModified(Context ctx, long version) {
        Optional<Tags> ifMatch = tags(ctx, Header.IF_MATCH);
        Optional<Tags> ifNoneMatch = tags(ctx, Header.IF_NONE_MATCH);
        ifMatch.ifPresent(tags -> tags.asIfMatch().check(Optional.of(version)));
        return ifNoneMatch.map(tags -> tags.matchWeakly(version)).orElse(false);
    }

    /** The tags a header names, empty when the request has none. @throws ValidationFailed when malformed */
    static Optional<Tags> tags(Context ctx, String header) {
        Enumeration<String> lines = ctx.req().getHeaders(header);
        if (lines == null || !lines.hasMoreElements()) {
            return Optional.empty();
        }
        String value = String.join(",", Collections.list(lines)).strip();
        if (value.equals("*")) {
            return Optional.of(new Tags(true, Set.of(), Set.of()));
        }
        Set<Long> versions = new TreeSet<>();
        Set<Long> strongVersions = new TreeSet<>();
        for (String element : value.split(",", -1)) {
            String tag = element.strip();
            if (tag.isEmpty()) {
                continue; // RFC 9110 §5.6.1: empty list elements are allowed and ignored
            }
            Matcher matcher = TAG.matcher(tag);
            if (!matcher.matches()) {
                throw new ValidationFailed(header, SYNTAX);
            }
            long version = Long.parseLong(matcher.group(2));
            versions.add(version);
            if (matcher.group(1) == null) {
                strongVersions.add(version);
            }
        }
        if (versions.isEmpty()) {
            throw new ValidationFailed(header, SYNTAX);
        }
        return Optional.of(new Tags(false, Collections.unmodifiableSet(versions), Collections.unmodifiableSet(strongVersions)));
    }
}
