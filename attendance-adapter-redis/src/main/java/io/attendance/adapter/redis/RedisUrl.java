package io.attendance.adapter.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where Redis is: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://} for TLS.
 * The password never appears in {@link #toString()}.
 */
record RedisUrl(String host, int port, String user, String password, int database, boolean tls) {
    static final int DEFAULT_PORT = 6379;

    RedisUrl {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a Redis URL needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a Redis port is between 1 and 65535, was " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("a Redis database index is not negative, was " + database);
        }
    }

    static RedisUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a Redis URL is required, such as redis://127.0.0.1:6379");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis URL (redis://[:password@]host:port[/db]): " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss://");
        }
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI drops the host, too, when the port is not a number
            throw new IllegalArgumentException(uri.getRawAuthority() == null
                    ? "a Redis URL needs a host (redis://[:password@]host:port[/db])"
                    : "a Redis URL needs a host name and, if it has one, a port number (redis://[:password@]host:port[/db])");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        String password = null;
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = userInfo;
            } else {
                user = colon == 0 ? null : userInfo.substring(0, colon);
                password = userInfo.substring(colon + 1);
            }
            if (password != null && password.isEmpty()) {
                password = null;
            }
        }
        return new RedisUrl(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), user, password,
                database(uri.getPath()), "rediss".equalsIgnoreCase(scheme));
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the path of a Redis URL is a database index such as /0");
        }
    }

    /** The same server and credentials, another database. */
    RedisUrl withDatabase(int otherDatabase) {
        return new RedisUrl(host, port, user, password, otherDatabase, tls);
    }

    /** The URL in full, password included: for handing to a client, never for a log line. */
    String toUrlString() {
        return format(password);
    }

    @Override
    public String toString() {
        return format(password == null ? null : "***");
    }

    private String format(String shownPassword) {
        StringBuilder text = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null || shownPassword != null) {
            if (user != null) {
                text.append(encoded(user));
            }
            if (shownPassword != null) {
                text.append(':').append(encoded(shownPassword));
            }
            text.append('@');
        }
        text.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (database != 0) {
            text.append('/').append(database);
        }
        return text.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    private static String encoded(String part) {
        StringBuilder text = new StringBuilder();
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~*".indexOf(c) >= 0) {
                text.append(c);
            } else {
                text.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return text.toString();
    }
}
