package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GzippedCopyTest {
    private final GzippedCopy copy = new GzippedCopy();

    @Test
    void theSameBodyIsCompressedOnceAndAnotherArrayAgainWhateverItHolds() {
        byte[] body = "[{\"id\":\"A-1\"}]".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] equalContent = body.clone();

        byte[] first = copy.of(body);

        assertThat(gunzip(first)).isEqualTo(body);
        assertThat(copy.of(body)).isSameAs(first);
        byte[] ofTheOther = copy.of(equalContent);
        assertThat(ofTheOther).isNotSameAs(first);
        assertThat(gunzip(ofTheOther)).isEqualTo(body);
        assertThat(copy.of(equalContent)).isSameAs(ofTheOther);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "GZIP", "deflate, gzip", "gzip;q=0.5, br", "br;q=1.0, gzip ; q=1"})
    void gzipIsAcceptedWhenNamed(String acceptEncoding) {
        assertThat(GzippedCopy.accepted(acceptEncoding)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "br, deflate", "gzip;q=0", "gzip;q=0.0", "gzip;q=x", "x-gzip2"})
    void gzipIsNotAcceptedWhenAbsentOrRefused(String acceptEncoding) {
        assertThat(GzippedCopy.accepted(acceptEncoding)).isFalse();
    }

    @Test
    void noHeaderAcceptsNoGzip() {
        assertThat(GzippedCopy.accepted(null)).isFalse();
    }

    static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
