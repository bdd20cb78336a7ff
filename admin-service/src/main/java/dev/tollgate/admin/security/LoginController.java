package dev.tollgate.admin.security;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in page; Spring Security handles the form it posts to {@code /login}. When single sign-on is
 * configured, the page also links to each OpenID Connect provider.
 */
@Controller
class LoginController {

    private final List<SsoProvider> providers;

    LoginController(ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        this.providers = providersOf(registrations.getIfAvailable());
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("sso", providers);
        return "login";
    }

    private static List<SsoProvider> providersOf(@Nullable ReactiveClientRegistrationRepository registrations) {
        List<SsoProvider> providers = new ArrayList<>();
        if (registrations instanceof InMemoryReactiveClientRegistrationRepository known) {
            for (ClientRegistration registration : known) {
                providers.add(new SsoProvider(registration.getRegistrationId(), registration.getClientName()));
            }
        }
        return List.copyOf(providers);
    }

    /** A sign-in button: {@code /oauth2/authorization/{id}}, labelled with the registration's client name. */
    record SsoProvider(String id, String name) {}
}
