package io.attendance.adapter.http;

import io.attendance.adapter.http.OpenApiConformance.Intent;
import io.attendance.adapter.http.OpenApiConformance.Received;
import io.attendance.adapter.http.OpenApiConformance.Sent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests that {@link java.net.http.HttpClient}
 * refuses to send: a target with malformed percent-escapes, header values of any Latin-1 text, a request
 * line or header no client would write. What is written is exactly what was given. Such requests are
 * sent malformed on purpose, so every answer is held to the OpenAPI document
 * ({@link OpenApiConformance}) and no request is.
 */
public final class RawHttp {
    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** One answer: its status, its headers (names in lower case; the last of repeated ones), its body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends the request, with a Content-Length that matches the body.
     *
     * @param headers names and values, alternating
     */
    public static Answer exchange(int port, String method, String target, List<String> headers, byte[] body) {
        return exchangeFrom("127.0.0.1", port, method, target, headers, body);
    }

    /**
     * As {@link #exchange}, from another local address, such as 127.0.0.2: a client the server sees
     * at an address of its own.
     */
    public static Answer exchangeFrom(String localAddress, int port, String method, String target, List<String> headers,
            byte[] body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            for (int i = 0; i < headers.size(); i += 2) {
                head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer (413, 414) and close before it has read the whole body
            }
            Answer answer = parsed(received(socket.getInputStream()));
            Map<String, List<String>> sentHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < headers.size(); i += 2) {
                sentHeaders.computeIfAbsent(headers.get(i), name -> new ArrayList<>()).add(headers.get(i + 1));
            }
            checked(new Sent(method, target, sentHeaders, body, Intent.DELIBERATELY_INVALID), answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + method + " " + abbreviated(target), e);
        }
    }

    /**
     * Writes the request's text as it is (request line, headers, blank line and any body) and gives the
     * answer's text as it came, once the server has closed the connection.
     */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String[] requestLine = request.split("\r\n", 2)[0].split(" ");
            return checkedAnswer(requestLine[0], requestLine.length > 1 ? requestLine[1] : "",
                    received(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + abbreviated(request), e);
        }
    }

    /**
     * Holds an answer a test read off a socket of its own (to a request it sent malformed or in part,
     * on purpose) to the document, as {@link #exchange} does, and gives it back as text.
     */
    public static String checkedAnswer(String method, String target, byte[] answer) {
        try {
            checked(new Sent(method, target, Map.of(), new byte[0], Intent.DELIBERATELY_INVALID), parsed(answer));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + method + " " + abbreviated(target), e);
        }
        return new String(answer, StandardCharsets.UTF_8);
    }

    private static void checked(Sent sent, Answer answer) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        OpenApiConformance.ofTheDocument().checkAnswer(sent, new Received(answer.status(), headers, answer.body()));
    }

    private static Answer parsed(byte[] all) throws IOException {
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("incomplete answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunked(body);
        }
        return new Answer(status, headers, body);
    }

    /**
     * Everything until the server closes. A server that answers before it has read the whole body
     * may reset the connection after its answer: what arrived before the reset is the answer.
     */
    private static byte[] received(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            if (received.size() == 0) {
                throw reset;
            }
        }
        return received.toByteArray();
    }

    private static byte[] dechunked(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, crlf, at);
            if (lineEnd < 0) {
                throw new IOException("truncated chunked body");
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] sought, int from) {
        for (int i = from; i <= bytes.length - sought.length; i++) {
            if (Arrays.equals(bytes, i, i + sought.length, sought, 0, sought.length)) {
                return i;
            }
        }
        return -1;
    }

    public static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + text.length() + " chars)";
    }
}
