package io.attendance.bootstrap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What broken and hostile clients send, as jqwik generators: JSON text of every shape, text that
 * trips naive code (control characters, NUL, lone surrogates, bidi marks, emoji, huge strings),
 * numbers no type can hold, dates and instants out of every range, deep nesting, bytes that are not
 * UTF-8, and the header values and path segments such clients write. Every generator mixes such
 * values with plausible ones, so that mutated requests still reach the code behind the parsers.
 */
final class HostileInput {
    /** Marks a member left out of an object. */
    private static final String ABSENT = "\u0000absent";

    static final List<String> AWKWARD_TEXT = List.of(
            "", " ", "\t", "\u0000", "a\u0000b", "\u0007bell", "line\nbreak", "\r\n", "\u0085", "\u2028", "\u2029",
            "\uD800", "\uDFFF", "x\uDC00y", "\uD83D", "\uDE00\uD83D", "\uFEFF", "\uFFFE", "\uFFFF",
            "\u202Eevil\u202C", "\u200F\u200E", "\u200B", "\u00AD", "\u0301", "e\u0301\u0301\u0301",
            "😀", "👩‍👩‍👧‍👦", "🏳️‍🌈", "\uDB40\uDC01", "Ａｄｍｉｎ", "\u212Aate", "İstanbul", "ß", "ǅ",
            "null", "NaN", "Infinity", "-Infinity", "true", "1e999999", "-0", "0x10", "[]", "{}",
            "../../etc/passwd", "%00", "%2F", "\\", "\"", "'; DROP TABLE employees; --", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "%s%s%n", "PRESENT", "present ", "Half-Day", "on leave",
            "ADMIN", "admin", "Europe/Paris", "UTC", "+02:00", "Etc/GMT+14", "SystemV/AST4", "GMT0");

    static final List<String> AWKWARD_DATES = List.of(
            "300000-01-01", "+300000-01-01", "-0001-01-01", "0000-00-00", "0000-01-01", "1969-12-31",
            "1970-01-01", "2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-1",
            " 2026-01-05 ", "2026-01-05T00:00:00Z", "2026/01/05", "20260105", "9999-12-31", "+10000-01-01",
            "+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59-18:00", "2026-01-05\u0000",
            "٢٠٢٦-٠١-٠٥", "２０２６-０１-０５");

    static final List<String> AWKWARD_INSTANTS = List.of(
            "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00", "+1000000000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z",
            "1969-12-30T23:59:59Z", "1969-12-31T00:00:00Z", "1970-01-01T00:00:00-18:00", "300000-01-01T00:00:00Z",
            "2026-11-30T08:00:00+18:00", "2026-11-30T08:00:00+18:01", "2026-11-30T08:00:00", "2026-11-30T24:00:00Z",
            "2026-11-30T08:00:60Z", "2026-11-30T08:00:00.123456789Z", "2026-11-30T08:00:00 01:00",
            "2026-11-30T08:00:00+01:00[Europe/Paris]", "2026-11-30", "08:00", "now", "1764489600");

    /** Number tokens as they appear in JSON text, the invalid ones too. */
    static final List<String> AWKWARD_NUMBERS = List.of(
            "0", "-0", "-0.0", "1e999999", "-1e999999", "1e-999999", "123456789012345678901234567890",
            "9223372036854775808", "-9223372036854775809", "1.7976931348623157e309", "0.1", "3.14159",
            "1" + "0".repeat(1_200), "0." + "1".repeat(1_200), "NaN", "Infinity", "-Infinity", "01", "1.", ".5",
            "+1", "0x10", "1e", "--1");

    /** Byte sequences that are not UTF-8: stray continuation, truncated, overlong, encoded surrogates, beyond U+10FFFF. */
    static final List<String> INVALID_UTF8_HEX = List.of(
            "80", "bf", "c328", "c0af", "c080", "e080af", "eda080", "edbfbf", "f4908080", "f8888080af", "fe", "ff",
            "e282", "f09f98");

    private HostileInput() {
    }

    /** Text of every awkward kind, and some plain text in between. */
    static Arbitrary<String> awkwardText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(AWKWARD_TEXT)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().withChars(" .-_@").ofMaxLength(20)),
                Tuple.of(1, longText()));
    }

    /** Just over each limit the service has (64, 100, 200, 500, 1024 characters), and far over them. */
    private static Arbitrary<String> longText() {
        return Combinators.combine(
                        Arbitraries.of(65, 101, 201, 501, 1_025, 20_000, 400_000),
                        Arbitraries.of("x", "é", "😀", " ", "\u0000"))
                .as((length, unit) -> unit.repeat(length));
    }

    /** A JSON string literal; lone surrogates and control characters travel as escapes, other text as UTF-8. */
    static String jsonString(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                json.append("\\u").append(HexFormat.of().toHexDigits(c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** A string value of any awkward kind, as JSON text. */
    static Arbitrary<String> awkwardString() {
        return awkwardText().map(HostileInput::jsonString);
    }

    /** JSON values that are not strings: numbers (the invalid tokens too), booleans, null, arrays, objects. */
    static Arbitrary<String> notAString() {
        return Arbitraries.oneOf(
                Arbitraries.of(AWKWARD_NUMBERS),
                Arbitraries.of("true", "false", "null", "[]", "{}", "[\"PRESENT\"]", "{\"value\":\"x\"}", "[null]"),
                jsonValue(List.of("value")).filter(value -> !value.startsWith("\"")));
    }

    /** Any JSON value as text, up to four levels deep, its object members named from {@code names} or at random. */
    static Arbitrary<String> jsonValue(List<String> names) {
        return Arbitraries.recursive(HostileInput::jsonScalar, inner -> jsonContainer(inner, names), 0, 4);
    }

    private static Arbitrary<String> jsonScalar() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, awkwardString()),
                Tuple.of(2, Arbitraries.of(AWKWARD_NUMBERS)),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
    }

    private static Arbitrary<String> jsonContainer(Arbitrary<String> inner, List<String> names) {
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(names)),
                Tuple.of(1, awkwardText()));
        Arbitrary<String> object = Combinators.combine(name, inner)
                .as((key, value) -> jsonString(key) + ":" + value)
                .list().ofMaxSize(4)
                .map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(array, object);
    }

    /**
     * A JSON object whose members start plausible and are each replaced, at random, by an awkward
     * string, a value of another JSON type, or left out; sometimes with an unknown member, sometimes
     * with a member written twice.
     */
    static Arbitrary<String> mutatedObject(Map<String, Arbitrary<String>> plausibleMembers) {
        List<Arbitrary<String>> members = new ArrayList<>();
        plausibleMembers.forEach((name, plausible) -> members.add(mutatedMember(name, plausible)));
        members.add(Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(ABSENT)),
                Tuple.of(1, Combinators.combine(awkwardText(), jsonValue(List.of("x")))
                        .as((name, value) -> jsonString(name) + ":" + value)),
                Tuple.of(1, Arbitraries.of(List.copyOf(plausibleMembers.keySet()))
                        .map(name -> jsonString(name) + ":\"twice\""))));
        return Combinators.combine(members).as(texts -> texts.stream()
                .filter(text -> !text.equals(ABSENT))
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static Arbitrary<String> mutatedMember(String name, Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                        Tuple.of(5, plausible),
                        Tuple.of(2, awkwardString()),
                        Tuple.of(1, notAString()),
                        Tuple.of(1, Arbitraries.just(ABSENT)))
                .map(value -> value.equals(ABSENT) ? ABSENT : jsonString(name) + ":" + value);
    }

    /** A date as JSON text: a recent one, or one out of some range. */
    static Arbitrary<String> date(LocalDate today) {
        return Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.integers().between(0, 5).map(daysAgo -> today.minusDays(daysAgo).toString())),
                        Tuple.of(1, Arbitraries.of(AWKWARD_DATES)),
                        Tuple.of(1, Arbitraries.of(today.plusDays(366).toString(), today.plusDays(367).toString())))
                .map(HostileInput::jsonString);
    }

    /** An instant as JSON text: a working hour of a recent day, or one out of some range. */
    static Arbitrary<String> instant(LocalDate today) {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 23))
                                .as((daysAgo, hour) -> today.minusDays(daysAgo) + "T" + String.format("%02d", hour) + ":00:00Z")),
                        Tuple.of(2, Arbitraries.of(AWKWARD_INSTANTS)))
                .map(HostileInput::jsonString);
    }

    /** Plausible text (a name, a status) as JSON, taken from {@code values}. */
    static Arbitrary<String> oneOf(String... values) {
        return Arbitraries.of(values).map(HostileInput::jsonString);
    }

    /**
     * A whole body of any kind: a JSON value of any shape, nothing, blanks, random bytes, nesting far
     * deeper than any parser should follow, a string holding bytes that are not UTF-8, UTF-16 and a
     * BOM, trailing garbage, and a body beyond the size limit.
     */
    static Arbitrary<byte[]> anyBody(List<String> memberNames, int maxRequestBytes) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, jsonValue(memberNames).map(HostileInput::utf8)),
                Tuple.of(1, Arbitraries.of("", " ", "\r\n\t ", "\u0000", "\uFEFF").map(HostileInput::utf8)),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(2, deepNesting()),
                Tuple.of(2, notUtf8(memberNames)),
                Tuple.of(1, jsonValue(memberNames).map(json -> json.getBytes(StandardCharsets.UTF_16))),
                Tuple.of(1, jsonValue(memberNames).map(json -> utf8("\uFEFF" + json))),
                Tuple.of(1, Combinators.combine(jsonValue(memberNames), Arbitraries.of("}", "]", "x", "{}", ",", "\u0000", "/*", "//"))
                        .as((json, garbage) -> utf8(json + garbage))),
                Tuple.of(1, Arbitraries.just(maxRequestBytes + 1).map(HostileInput::oversized)));
    }

    /** Arrays and objects nested beyond any sensible depth, closed or left open. */
    static Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(
                        Arbitraries.of(1_001, 10_000, 100_000),
                        Arbitraries.of("[|]", "{\"a\":|}", "[{\"a\":|}]", "{\"name\":[|]}"),
                        Arbitraries.of(true, false))
                .as((depth, pattern, closed) -> {
                    String[] halves = pattern.split("\\|");
                    String body = halves[0].repeat(depth) + "0" + (closed ? halves[1].repeat(depth) : "");
                    return utf8(body);
                });
    }

    /** A JSON object whose string value holds a byte sequence that is not UTF-8. */
    private static Arbitrary<byte[]> notUtf8(List<String> memberNames) {
        return Combinators.combine(Arbitraries.of(memberNames), Arbitraries.of(INVALID_UTF8_HEX))
                .as((name, hex) -> {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    body.writeBytes(utf8("{" + jsonString(name) + ":\"ok"));
                    body.writeBytes(HexFormat.of().parseHex(hex));
                    body.writeBytes(utf8("\"}"));
                    return body.toByteArray();
                });
    }

    private static byte[] oversized(int bytes) {
        return utf8("[" + "0,".repeat(bytes / 2) + "0]");
    }

    /** A path segment: mostly one of {@code plausible}, else awkward text percent-encoded, or raw escapes of bytes that are not UTF-8. */
    static Arbitrary<String> pathSegment(List<String> plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(plausible)),
                Tuple.of(3, awkwardText().filter(text -> text.length() < 3_000).map(HostileInput::percentEncoded)),
                Tuple.of(1, Arbitraries.of(INVALID_UTF8_HEX).map(HostileInput::percentEscapes)),
                Tuple.of(1, Arbitraries.of("%00", "%2F", "%2f..%2F", "%5C", "%25", "%", "%zz", "%u0041", ".", "..", "%2E%2E",
                        ";", ";jsessionid=1", "a;b=c", "%3B", "+", "~", "%7E", "%20", "%09", "%0D%0A")),
                Tuple.of(1, Arbitraries.of(10_000, 70_000).map("a"::repeat)));
    }

    /** Every byte of the text's UTF-8 but the unreserved ones written as %XX. */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    private static String percentEscapes(String hex) {
        StringBuilder escapes = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            escapes.append('%').append(hex, i, i + 2);
        }
        return escapes.toString();
    }

    /** Header values a client can put on the wire: printable ASCII and Latin-1, plausible and not. */
    static Arbitrary<String> headerValue(String... plausible) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(plausible)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMaxLength(10)),
                Tuple.of(1, Arbitraries.of(7_000, 20_000).map("x"::repeat)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
