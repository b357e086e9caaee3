package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void aPlainUrlNamesHostPortAndDatabaseZero() {
        RedisUrl url = RedisUrl.parse("redis://cache.internal:6380");

        assertThat(url).isEqualTo(new RedisUrl("cache.internal", 6380, null, null, 0, false));
    }

    @Test
    void passwordAndDatabaseAreReadAndThePortDefaultsTo6379() {
        RedisUrl url = RedisUrl.parse("redis://:s3cr%40t@localhost/3");

        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.user()).isNull();
        assertThat(url.port()).isEqualTo(6379);
        assertThat(url.database()).isEqualTo(3);
    }

    @Test
    void anAclUserAndTlsAreUnderstood() {
        RedisUrl url = RedisUrl.parse("rediss://attendance:pw@redis.example:6390/0");

        assertThat(url.user()).isEqualTo("attendance");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.tls()).isTrue();
    }

    @Test
    void thePasswordNeverShowsInTextButSurvivesTheFullForm() {
        RedisUrl url = RedisUrl.parse("redis://:p%40ss:word@localhost:6379/2");

        assertThat(url.toString()).isEqualTo("redis://:***@localhost:6379/2").doesNotContain("word");
        assertThat(RedisUrl.parse(url.toUrlString())).isEqualTo(url);
    }

    @Test
    void somethingThatIsNotARedisUrlIsRefusedWithAReason() {
        assertThatThrownBy(() -> RedisUrl.parse("http://localhost:6379")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisUrl.parse("redis://localhost:6379/zero")).hasMessageContaining("database");
        assertThatThrownBy(() -> RedisUrl.parse(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisUrl.parse("redis:///3")).hasMessageContaining("host");
    }
}
