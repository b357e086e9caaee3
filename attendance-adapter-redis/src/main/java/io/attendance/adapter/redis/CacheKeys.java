package io.attendance.adapter.redis;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.CacheKey;
import java.util.List;

/** The names of every key {@link RedisReadCache} reads or writes, all in the {@link KeySpace}. */
final class CacheKeys {
    /** Part of every value's generation: moved on when a catch-up counts everyone as changed, to drop every entry. */
    static final String EPOCH = KeySpace.PREFIX + "gen:epoch";
    /**
     * Where the cache stands in the change feed ("transaction:event"): every change before it has
     * moved its generations on in this data set.
     */
    static final String FEED_POSITION = KeySpace.PREFIX + "feed";
    /** The generation of every listing. */
    static final String LISTINGS_GENERATION = KeySpace.PREFIX + "gen:listings";
    /** Followed by an employee id: the generation of that employee's entries. */
    private static final String EMPLOYEE_GENERATION_PREFIX = KeySpace.PREFIX + "gen:emp:";
    /**
     * Where entries live: {@code v5}, the layout of an entry (one hash holding the value with its
     * generation), then the shape of the values' JSON ({@link CachedJson#SHAPE}). Two releases sharing
     * one Redis read each other's values only when both are the same.
     */
    static final String ENTRY_PREFIX = KeySpace.PREFIX + "v5." + CachedJson.SHAPE + ":";

    private CacheKeys() {
    }

    static String employeeGeneration(EmployeeId employeeId) {
        return EMPLOYEE_GENERATION_PREFIX + employeeId.value();
    }

    /** The generation the entry of that key follows: its employee's, or the listings'. */
    static String generation(CacheKey<?> key) {
        return key.employee().map(CacheKeys::employeeGeneration).orElse(LISTINGS_GENERATION);
    }

    /**
     * The hash that holds an entry: its value ({@code v}) and the generation it was stored under
     * ({@code g}). {@code att:{att}:v5:emp:<employee id>:<read>[:<digest>]} for an employee's
     * entry, {@code att:{att}:v5:list:<read>[:<digest>]} for a listing; the digest is there when
     * the key has arguments. Ids are made of {@code [A-Za-z0-9._-]}, read names of {@code [a-z0-9-]}
     * and digests of base64url, so no part contains a colon or a brace.
     */
    static String entry(CacheKey<?> key) {
        StringBuilder text = new StringBuilder(ENTRY_PREFIX);
        key.employee().ifPresentOrElse(id -> text.append("emp:").append(id.value()).append(':'),
                () -> text.append("list:"));
        text.append(key.read().name());
        if (!key.arguments().isEmpty()) {
            text.append(':').append(digest(key.arguments()));
        }
        return text.toString();
    }

    /**
     * SHA-256, base64url without padding (43 characters), of the arguments each prefixed with its
     * length, so that distinct lists never hash the same text and a key stays short whatever a query
     * holds.
     */
    private static String digest(List<String> arguments) {
        StringBuilder text = new StringBuilder();
        for (String argument : arguments) {
            text.append(argument.length()).append(':').append(argument);
        }
        return KeySpace.digest(text.toString());
    }
}
