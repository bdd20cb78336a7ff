package dev.tollgate.usage.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedisPropertiesTests {

    @Test
    void rejectsUriThatIsNotRedis() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedisProperties(URI.create("http://127.0.0.1:6379")))
                .withMessageContaining("tollgate.redis.uri");
    }

    @Test
    void keepsThePasswordOutOfItsStringForm() {
        RedisProperties properties = new RedisProperties(URI.create("rediss://default:s3cret@redis.internal:6380"));

        assertThat(properties.toString()).doesNotContain("s3cret").contains("rediss://redis.internal:6380");
    }
}
