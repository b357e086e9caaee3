package io.attendance.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip of the last body asked for, kept with that very array: the read cache answers the same
 * instance while its entry is current, so a body is compressed once per change instead of once per
 * request. Keyed on identity, never on content: comparing megabytes would cost what it saves. The
 * arrays are never mutated, neither the body (the cache's) nor the copy handed out.
 */
final class GzippedCopy {
    static final String GZIP = "gzip";

    private volatile Slot last;

    private record Slot(byte[] body, byte[] gzipped) {
    }

    /** True when an Accept-Encoding header names gzip without refusing it ({@code q=0}). */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] nameAndParameters = coding.split(";");
            if (nameAndParameters[0].trim().equalsIgnoreCase(GZIP)) {
                return !refused(nameAndParameters);
            }
        }
        return false;
    }

    /** The gzip of that body: the one computed before when it is the same array. */
    byte[] of(byte[] body) {
        Slot slot = last;
        if (slot != null && slot.body() == body) {
            return slot.gzipped();
        }
        // one compression per new body, however many requests ask for it at once
        synchronized (this) {
            slot = last;
            if (slot == null || slot.body() != body) {
                slot = new Slot(body, gzip(body));
                last = slot;
            }
            return slot.gzipped();
        }
    }

    private static boolean refused(String[] nameAndParameters) {
        for (int i = 1; i < nameAndParameters.length; i++) {
            String parameter = nameAndParameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException malformed) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
