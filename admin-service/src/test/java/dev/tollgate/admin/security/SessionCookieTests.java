package dev.tollgate.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SessionCookieTests {

    @Test
    void isSecureExactlyOverHttpsByDefault() {
        assertThat(cookieFor(null, "http://admin.example/").isSecure()).isFalse();
        assertThat(cookieFor(null, "https://admin.example/").isSecure()).isTrue();
    }

    @Test
    void followsTheSettingWhenItIsGiven() {
        assertThat(cookieFor(true, "http://admin.example/").isSecure()).isTrue();
        assertThat(cookieFor(false, "https://admin.example/").isSecure()).isFalse();
    }

    @Test
    void isHttpOnlyAndSameSiteLax() {
        ResponseCookie cookie = cookieFor(null, "https://admin.example/");

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getName()).isEqualTo("TOLLGATE_SESSION");
    }

    private static ResponseCookie cookieFor(@Nullable Boolean secure, String url) {
        ConsoleProperties properties = new ConsoleProperties(secure, 5, Duration.ofMinutes(5));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));

        new ConsoleSecurityConfiguration().webSessionIdResolver(properties).setSessionId(exchange, "id");

        return exchange.getResponse().getCookies().getFirst("TOLLGATE_SESSION");
    }
}
