package dev.tollgate.admin.security;

import dev.tollgate.admin.security.AdminUserRepository.ConsoleLogin;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Console sign-in with email and password from {@code admin_user}. The principal of a signed-in session is its
 * {@link Caller}, exactly as for an API token, so pages and the REST API share one authorization path.
 */
class ConsoleAuthentication implements ReactiveAuthenticationManager {

    private static final String REFUSED = "Invalid email or password.";

    private final AdminUserRepository users;
    private final PasswordEncoder passwords;
    /** Checked against for unknown emails, so they take as long as wrong passwords and cannot be told apart. */
    private final String decoyHash;

    ConsoleAuthentication(AdminUserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy-password-for-unknown-emails");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication login) {
        String password = String.valueOf(login.getCredentials());
        return users.findLogin(login.getName().strip())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // bcrypt costs tens of milliseconds of CPU: keep it off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .map(found -> check(found, password));
    }

    private Authentication check(Optional<ConsoleLogin> found, String password) {
        String hash = found.map(ConsoleLogin::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(password, hash);
        if (found.isEmpty() || !matches) {
            throw new BadCredentialsException(REFUSED);
        }
        return SessionCallerRepository.authenticated(found.get().caller());
    }
}
