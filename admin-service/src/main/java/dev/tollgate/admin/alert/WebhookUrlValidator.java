package dev.tollgate.admin.alert;

import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.route.UpstreamAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps webhook URLs from turning the admin service into a proxy into its own network (SSRF): https only (http with
 * {@code TOLLGATE_ALERTS_ALLOW_INSECURE_WEBHOOKS}), no user info or fragment, never link-local or cloud metadata
 * addresses, and no loopback or private addresses unless {@code TOLLGATE_ALERTS_ALLOW_PRIVATE_WEBHOOKS} is on. The
 * rules on addresses are the providers' ({@link UpstreamAddresses}); the host name is resolved and every address it
 * has is checked. Checked when the URL is saved and again before each delivery, because a name may resolve
 * elsewhere later (DNS rebinding).
 */
@Component
class WebhookUrlValidator {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");

    private final AlertProperties properties;

    WebhookUrlValidator(AlertProperties properties) {
        this.properties = properties;
    }

    /** The URL as it will be called, or a 400 naming what is wrong with it. */
    Mono<String> validate(String url) {
        return Mono.fromCallable(() -> parse(url))
                // Resolving a name blocks, so it runs off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(uri -> checkAll(resolve(uri.getHost())))
                .map(URI::toString);
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException invalid) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowInsecureWebhooks())) {
            throw invalid("must start with https://");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("must not contain user info or a fragment");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("must name a host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host.endsWith(".") ? host.substring(0, host.length() - 1) : host)) {
            throw invalid("must not point at a cloud metadata service");
        }
        return uri;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unknown) {
            throw invalid("has a host name that does not resolve");
        }
    }

    private void checkAll(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            switch (UpstreamAddresses.judge(address)) {
                case FORBIDDEN ->
                    throw invalid("must not resolve to a link-local, unspecified or cloud metadata address");
                case PRIVATE -> {
                    if (!properties.allowPrivateWebhooks()) {
                        throw invalid("must not resolve to a loopback or private address");
                    }
                }
                case PUBLIC -> {}
            }
        }
    }

    /** Whether a webhook may be reached at {@code address}: the same rules, for the address actually connected to. */
    static boolean allowed(InetAddress address, AlertProperties properties) {
        return switch (UpstreamAddresses.judge(address)) {
            case FORBIDDEN -> false;
            case PRIVATE -> properties.allowPrivateWebhooks();
            case PUBLIC -> true;
        };
    }

    private static AdminException invalid(String problem) {
        return AdminException.invalid(java.util.Map.of("url", problem));
    }
}
