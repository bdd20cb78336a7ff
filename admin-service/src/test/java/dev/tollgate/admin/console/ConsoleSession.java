package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A console session driven over HTTP the way a browser drives it: the session cookie, and a CSRF token read from the
 * page that holds the form before each POST.
 */
public final class ConsoleSession {

    static final String COOKIE = "TOLLGATE_SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient client;
    private String cookie;

    private ConsoleSession(WebTestClient client, String cookie) {
        this.client = client;
        this.cookie = cookie;
    }

    /** A fresh visitor: the login page was fetched, so the session and its CSRF token exist. */
    public static ConsoleSession anonymous(WebTestClient client) {
        EntityExchangeResult<String> login = page(client, "/login", null);
        return new ConsoleSession(
                client, login.getResponseCookies().getFirst(COOKIE).getValue());
    }

    /** Signs in and answers where the login form redirected to. */
    public String signIn(String email, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", email);
        form.add("password", password);
        return post("/login", "/login", form).getResponseHeaders().getLocation().toString();
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .cookie(COOKIE, cookie)
                .exchange();
    }

    String html(String path) {
        return get(path)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** Posts {@code form} with the CSRF token of the page at {@code formPage}, as its form would. */
    EntityExchangeResult<String> post(String formPage, String action, MultiValueMap<String, String> form) {
        MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(form);
        withToken.add("_csrf", csrfOf(page(client, formPage, cookie).getResponseBody()));
        EntityExchangeResult<String> result = client.post()
                .uri(action)
                .accept(MediaType.TEXT_HTML)
                .cookie(COOKIE, cookie)
                .body(BodyInserters.fromFormData(withToken))
                .exchange()
                .expectBody(String.class)
                .returnResult();
        ResponseCookie renewed = result.getResponseCookies().getFirst(COOKIE);
        if (renewed != null) {
            cookie = renewed.getValue(); // signing in changes the session id (fixation protection)
        }
        return result;
    }

    static String csrfOf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF field in the page").isTrue();
        return token.group(1);
    }

    private static EntityExchangeResult<String> page(WebTestClient client, String path, String cookie) {
        return client.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .cookies(cookies -> {
                    if (cookie != null) {
                        cookies.add(COOKIE, cookie);
                    }
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
    }
}
