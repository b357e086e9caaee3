package io.attendance.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void aPlainUrlNamesHostPortAndDatabaseZero() {
        RedisUrl url = RedisUrl.parse("redis://cache.internal:6380");

        assertThat(url).isEqualTo(RedisUrl.standalone("cache.internal", 6380, null, null, 0, false));
    }

    @Test
    void passwordAndDatabaseAreReadAndThePortDefaultsTo6379() {
        RedisUrl url = RedisUrl.parse("redis://:s3cr%40t@localhost/3");

        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.user()).isNull();
        assertThat(url.nodes()).containsExactly(new RedisUrl.Node("localhost", 6379));
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

    @Test
    void aClusterIsNamedByItsSchemeOrByAListOfNodes() {
        RedisUrl url = RedisUrl.parse("redis-cluster://:pw@10.0.0.1:7000,10.0.0.2,[::1]:7002");

        assertThat(url.topology()).isEqualTo(RedisUrl.Topology.CLUSTER);
        assertThat(url.nodes()).containsExactly(new RedisUrl.Node("10.0.0.1", 7000), new RedisUrl.Node("10.0.0.2", 6379),
                new RedisUrl.Node("::1", 7002));
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.toString()).isEqualTo("redis-cluster://:***@10.0.0.1:7000,10.0.0.2:6379,[::1]:7002");
        assertThat(RedisUrl.parse(url.toUrlString())).isEqualTo(url);
        assertThat(RedisUrl.parse("redis://a:7000,b:7001").topology()).isEqualTo(RedisUrl.Topology.CLUSTER);
        assertThat(RedisUrl.parse("rediss-cluster://a:7000").tls()).isTrue();
    }

    @Test
    void sentinelsNameTheirMasterAndMayTakeADatabase() {
        RedisUrl url = RedisUrl.parse("rediss-sentinel://svc:p%40ss@s1,s2:26380/my-master.1/4");

        assertThat(url.topology()).isEqualTo(RedisUrl.Topology.SENTINEL);
        assertThat(url.nodes()).containsExactly(new RedisUrl.Node("s1", 26379), new RedisUrl.Node("s2", 26380));
        assertThat(url.masterName()).isEqualTo("my-master.1");
        assertThat(url.database()).isEqualTo(4);
        assertThat(url.user()).isEqualTo("svc");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.tls()).isTrue();
        assertThat(url.toString()).isEqualTo("rediss-sentinel://svc:***@s1:26379,s2:26380/my-master.1/4");
        assertThat(RedisUrl.parse(url.toUrlString())).isEqualTo(url);
        assertThat(RedisUrl.parse("redis-sentinel://s1/mymaster").database()).isZero();
    }

    @Test
    void aClusterOrSentinelUrlThatCannotWorkIsRefusedWithAReason() {
        assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://a:7000,b:7001/2")).hasMessageContaining("database 0 only");
        assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://a:7000,,b:7001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://a:7000,b:port")).hasMessageContaining("port number");
        assertThatThrownBy(() -> RedisUrl.parse("redis-sentinel://s1:26379")).hasMessageContaining("names the master");
        assertThatThrownBy(() -> RedisUrl.parse("redis-sentinel://s1:26379/")).hasMessageContaining("names the master");
        assertThatThrownBy(() -> RedisUrl.parse("redis-sentinel://:secret@s1/my%20master"))
                .hasMessageContaining("master name").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RedisUrl.parse("redis-sentinel://s1/mymaster/x")).hasMessageContaining("database");
        assertThatThrownBy(() -> RedisUrl.parse("redis-replica://s1")).hasMessageContaining("redis-sentinel://");
    }
}
