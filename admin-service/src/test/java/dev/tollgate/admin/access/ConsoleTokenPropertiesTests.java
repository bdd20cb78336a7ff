package dev.tollgate.admin.access;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleTokenPropertiesTests {

    @Test
    void refusesLifetimeBeyondWhatTheUsageServiceAccepts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConsoleTokenProperties(
                        null, Duration.ofSeconds(301), Duration.ofMinutes(15), Duration.ofMinutes(1)));
    }

    @Test
    void refusesPublishedKeyThatCouldExpireBeforeItsLastToken() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConsoleTokenProperties(
                        null, Duration.ofSeconds(120), Duration.ofSeconds(479), Duration.ofSeconds(60)));
    }

    @Test
    void refusesSigningKeyThatIsOnlyAPublicKey() {
        String publicOnly = """
                {"kty":"EC","crv":"P-256","kid":"k","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",\
                "y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}""";
        ConsoleTokenProperties properties = new ConsoleTokenProperties(
                publicOnly, Duration.ofSeconds(120), Duration.ofMinutes(15), Duration.ofMinutes(1));

        assertThatIllegalStateException().isThrownBy(() -> new ConsoleTokenSigner(properties));
    }
}
