package io.attendance.adapter.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where Redis is, and how it is deployed:
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/db]}: one server ({@code rediss://} for TLS);</li>
 *   <li>{@code redis-cluster://[[user]:password@]host[:port][,host[:port]...]}: a Redis Cluster, found
 *       from any of the nodes named ({@code rediss-cluster://} for TLS); a cluster has database 0
 *       only. {@code redis://} with more than one node means a cluster too;</li>
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port][,host[:port]...]/master[/db]}: the
 *       master that the Sentinels named (port 26379 by default) know as {@code master}
 *       ({@code rediss-sentinel://} for TLS to the master and the Sentinels). The credentials are
 *       the master's; the Sentinels are asked without any.</li>
 * </ul>
 * The password never appears in {@link #toString()}, nor in any message of a refused URL.
 */
record RedisUrl(Topology topology, List<Node> nodes, String masterName, String user, String password, int database,
                boolean tls) {
    static final int DEFAULT_PORT = 6379;
    static final int DEFAULT_SENTINEL_PORT = 26379;
    private static final String FORMS = "redis://[[user]:password@]host:port[/db], "
            + "redis-cluster://[[user]:password@]host:port,host:port or "
            + "redis-sentinel://[[user]:password@]host:port,host:port/master[/db]";
    /** What Sentinel accepts in a master's name, and nothing that would need encoding in a URL. */
    private static final Pattern MASTER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** How the service reaches Redis: one server, a cluster, or the master that Sentinels name. */
    enum Topology {
        STANDALONE("redis"), CLUSTER("redis-cluster"), SENTINEL("redis-sentinel");

        private final String scheme;

        Topology(String scheme) {
            this.scheme = scheme;
        }

        String scheme(boolean tls) {
            return scheme.replaceFirst("^redis", tls ? "rediss" : "redis");
        }
    }

    /** One server of a URL: a Redis node, or a Sentinel. */
    record Node(String host, int port) {
        Node {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("a Redis URL needs a host");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("a Redis port is between 1 and 65535, was " + port);
            }
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    RedisUrl {
        Objects.requireNonNull(topology, "topology");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a Redis URL needs a host");
        }
        if (topology == Topology.STANDALONE && nodes.size() > 1) {
            throw new IllegalArgumentException("one Redis server has one host; a list of nodes is a cluster");
        }
        if ((topology == Topology.SENTINEL) != (masterName != null)) {
            throw new IllegalArgumentException("a master name is for Sentinel alone");
        }
        if (masterName != null && !MASTER_NAME.matcher(masterName).matches()) {
            throw new IllegalArgumentException("a Sentinel master name is 1 to 128 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        if (database < 0) {
            throw new IllegalArgumentException("a Redis database index is not negative, was " + database);
        }
        if (topology == Topology.CLUSTER && database != 0) {
            throw new IllegalArgumentException("a Redis Cluster has database 0 only; leave the database out of the URL");
        }
    }

    /** One server. */
    static RedisUrl standalone(String host, int port, String user, String password, int database, boolean tls) {
        return new RedisUrl(Topology.STANDALONE, List.of(new Node(host, port)), null, user, password, database, tls);
    }

    static RedisUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a Redis URL is required, such as redis://127.0.0.1:6379");
        }
        String stripped = text.strip();
        int schemeEnd = stripped.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : stripped.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls = scheme.startsWith("rediss");
        Topology topology = switch (tls ? "redis" + scheme.substring("rediss".length()) : scheme) {
            case "redis" -> Topology.STANDALONE;
            case "redis-cluster" -> Topology.CLUSTER;
            case "redis-sentinel" -> Topology.SENTINEL;
            default -> throw new IllegalArgumentException("a Redis URL starts with redis://, rediss://, "
                    + "redis-cluster:// or redis-sentinel:// (" + FORMS + ")");
        };
        String rest = stripped.substring(schemeEnd + 3);
        int authorityEnd = firstIndexOfAny(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String path = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = authority.substring(0, at + 1);
        String[] hosts = authority.substring(at + 1).split(",", -1);
        if (topology == Topology.STANDALONE && hosts.length > 1) {
            topology = Topology.CLUSTER;
        }
        String masterName = null;
        if (topology == Topology.SENTINEL) {
            int nameEnd = firstIndexOfAny(path.isEmpty() ? path : path.substring(1), "/?#") + 1;
            masterName = path.length() > 1 ? path.substring(1, nameEnd) : "";
            if (masterName.isEmpty()) {
                throw new IllegalArgumentException("a Sentinel URL names the master after the Sentinels: "
                        + "redis-sentinel://host:26379,host:26379/mymaster");
            }
            path = path.substring(nameEnd);
        }
        int defaultPort = topology == Topology.SENTINEL ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT;
        // the first node carries the credentials and the database: read as one plain redis:// URL is
        URI first = uri("redis://" + userInfo + hosts[0] + path);
        List<Node> nodes = new ArrayList<>();
        nodes.add(node(first, defaultPort));
        for (int i = 1; i < hosts.length; i++) {
            nodes.add(node(uri("redis://" + hosts[i]), defaultPort));
        }
        String[] credentials = credentials(first.getUserInfo());
        return new RedisUrl(topology, nodes, masterName, credentials[0], credentials[1], database(first.getPath()), tls);
    }

    private static int firstIndexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis URL (" + FORMS + "): " + e.getReason());
        }
    }

    private static Node node(URI uri, int defaultPort) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI drops the host, too, when the port is not a number
            throw new IllegalArgumentException(uri.getRawAuthority() == null
                    ? "a Redis URL needs a host (" + FORMS + ")"
                    : "a Redis URL needs a host name and, if it has one, a port number (" + FORMS + ")");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Node(host, uri.getPort() < 0 ? defaultPort : uri.getPort());
    }

    /** {user or null, password or null}, decoded. */
    private static String[] credentials(String userInfo) {
        if (userInfo == null || userInfo.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return new String[] {null, userInfo};
        }
        String password = userInfo.substring(colon + 1);
        return new String[] {colon == 0 ? null : userInfo.substring(0, colon), password.isEmpty() ? null : password};
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

    /** The same servers and credentials, another database. */
    RedisUrl withDatabase(int otherDatabase) {
        return new RedisUrl(topology, nodes, masterName, user, password, otherDatabase, tls);
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
        StringBuilder text = new StringBuilder(topology.scheme(tls)).append("://");
        if (user != null || shownPassword != null) {
            if (user != null) {
                text.append(encoded(user));
            }
            if (shownPassword != null) {
                text.append(':').append(encoded(shownPassword));
            }
            text.append('@');
        }
        text.append(nodes.stream().map(Node::toString).collect(Collectors.joining(",")));
        if (masterName != null) {
            text.append('/').append(masterName);
        }
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
