package io.attendance.adapter.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as CIDR blocks. A request's client address
 * is its peer's, unless the peer is one of them: then it is the nearest address the header names,
 * reading from the right, that is not such a proxy. A client cannot choose its address by sending
 * the header itself: every proxy appends the address it received from, and the walk stops at the
 * first address no trusted proxy vouches for.
 */
public final class TrustedProxies {
    /** None: the peer is the client, and {@code X-Forwarded-For} is never read. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Comma-separated CIDR blocks ({@code 10.0.0.0/8, 192.168.1.7, fd00::/8}); a plain address is a
     * block of one. Only address literals: no host name is ever resolved.
     *
     * @throws IllegalArgumentException naming the first entry that is no CIDR block
     */
    public static TrustedProxies parse(String cidrs) {
        Objects.requireNonNull(cidrs, "cidrs");
        List<Block> blocks = new ArrayList<>();
        for (String entry : cidrs.split(",", -1)) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty() && cidrs.isBlank()) {
                continue;
            }
            blocks.add(Block.parse(trimmed));
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /** The client address of the request: see {@link #clientOf(String, List)}. */
    String clientOf(Context ctx) {
        return clientOf(ctx.ip(), Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
    }

    /**
     * The client's address: {@code peer}, or, when the peer is a trusted proxy, the right-most address
     * of {@code forwardedFor} (the header's values in order, each a comma-separated list) that is not
     * one; when every one is, the left-most. An entry that is no address ends the walk at the hop
     * that sent it.
     */
    String clientOf(String peer, List<String> forwardedFor) {
        Objects.requireNonNull(peer, "peer");
        if (blocks.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (addressOf(hops.get(i)) == null) {
                return client;
            }
            client = hops.get(i);
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusts(String address) {
        byte[] bytes = addressOf(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /**
     * The address's bytes, or null when the text is no IPv4 or IPv6 literal (never a name to resolve);
     * an IPv6 literal may come in brackets.
     */
    private static byte[] addressOf(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            return addressOf(text.substring(1, text.length() - 1));
        }
        if (IPV4.matcher(text).matches()) {
            return ipv4(text);
        }
        if (text.indexOf(':') < 0 || !IPV6_TEXT.matcher(text).matches()) {
            return null;
        }
        try {
            // a text with a colon is only ever read as an IPv6 literal, never looked up as a name
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    /** Four decimal octets, none above 255 nor written with a leading zero (which some read as octal). */
    private static byte[] ipv4(String text) {
        String[] octets = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(octets[i]);
            if (value > 255 || octets[i].length() > 1 && octets[i].startsWith("0")) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    /** The addresses whose first {@code prefix} bits are those of {@code network}. */
    private record Block(byte[] network, int prefix, String text) {
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = addressOf(address);
            if (network == null) {
                throw new IllegalArgumentException("not a CIDR block: '" + entry + "' (such as 10.0.0.0/8 or fd00::/8)");
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String length = entry.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                    throw new IllegalArgumentException("not a CIDR block: '" + entry + "' (a prefix of 0 to " + bits
                            + " bits)");
                }
                prefix = Integer.parseInt(length);
            }
            return new Block(network, prefix, entry.toLowerCase(Locale.ROOT));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
