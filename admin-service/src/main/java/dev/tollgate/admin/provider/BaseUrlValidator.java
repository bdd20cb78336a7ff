package dev.tollgate.admin.provider;

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
 * Keeps provider base URLs from pointing the gateway at things it must not reach (SSRF): only http(s), no user info
 * or fragment, never link-local or cloud metadata addresses, and no loopback or private addresses unless
 * {@code TOLLGATE_ALLOW_PRIVATE_UPSTREAMS} is on ({@link UpstreamAddresses} holds the rules). The host name is
 * resolved and every address it has is checked.
 *
 * <p>Checked when the URL is saved. A name may later resolve elsewhere (DNS rebinding), so the gateway should apply
 * the same address rules when it connects.
 */
@Component
class BaseUrlValidator {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");

    private final ProviderProperties properties;

    BaseUrlValidator(ProviderProperties properties) {
        this.properties = properties;
    }

    /** The normalised URL, or a 400 naming what is wrong with it. */
    Mono<String> validate(String baseUrl) {
        URI uri = parse(baseUrl);
        // Resolving a name blocks, so it runs off the event loop.
        return Mono.fromCallable(() -> resolve(uri.getHost()))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(this::checkAll)
                .thenReturn(stripTrailingSlash(uri.toString()));
    }

    static URI parse(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException invalid) {
            throw invalid("is not a valid URL");
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw invalid("must start with https:// or http://");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("must not contain user info (credentials belong in api_key)");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("must not contain a fragment");
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
            check(address);
        }
    }

    private void check(InetAddress address) {
        switch (UpstreamAddresses.judge(address)) {
            case FORBIDDEN -> throw invalid("must not resolve to a link-local, unspecified or cloud metadata address");
            case PRIVATE -> {
                if (!properties.allowPrivateUpstreams()) {
                    throw invalid("must not resolve to a loopback or private address"
                            + " (set TOLLGATE_ALLOW_PRIVATE_UPSTREAMS=true for self-hosted upstreams)");
                }
            }
            case PUBLIC -> {}
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static AdminException invalid(String problem) {
        return AdminException.badRequest("base_url " + problem + ".");
    }
}
