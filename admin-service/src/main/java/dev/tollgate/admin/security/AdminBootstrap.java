package dev.tollgate.admin.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the first platform admin on first start, and registers {@code TOLLGATE_ADMIN_API_TOKEN}. Runs once at
 * start-up, on the main thread, so blocking here holds up nothing but the start.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String DEFAULT_EMAIL = "admin@tollgate.local";

    private final AdminUserRepository users;
    private final PasswordEncoder passwords;
    private final AdminBootstrapProperties properties;

    AdminBootstrap(AdminUserRepository users, PasswordEncoder passwords, AdminBootstrapProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.anyPlatformAdmin()
                .filter(exists -> !exists)
                .flatMap(missing -> createFirstAdmin())
                .then(registerToken())
                .block();
    }

    private Mono<UUID> createFirstAdmin() {
        String email = email();
        String password = properties.password();
        if (password == null || password.isBlank()) {
            password = randomToken();
            // Logged once, on the only start that creates this admin; it is never stored anywhere in plain.
            log.warn("Created platform admin {} with one-time password: {}", email, password);
        } else {
            log.info("Created platform admin {}", email);
        }
        return users.insert(email, passwords.encode(password), Role.PLATFORM_ADMIN, null);
    }

    private Mono<Void> registerToken() {
        String token = properties.apiToken();
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        String email = email();
        return users.findIdByEmail(email)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "TOLLGATE_ADMIN_API_TOKEN is set but there is no admin user " + email)))
                .flatMap(user -> users.insertToken(user, TokenHashes.sha256(token), "TOLLGATE_ADMIN_API_TOKEN", null))
                .doOnNext(added -> log.info(added ? "Registered TOLLGATE_ADMIN_API_TOKEN" : "Admin API token known"))
                .then();
    }

    private String email() {
        String email = properties.email();
        return email == null || email.isBlank() ? DEFAULT_EMAIL : email.strip();
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
