package dev.tollgate.admin.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider accounts, bound from {@code tollgate.providers}.
 *
 * @param allowPrivateUpstreams {@code TOLLGATE_ALLOW_PRIVATE_UPSTREAMS}: accept base URLs that resolve to loopback or
 *     private addresses (a self-hosted model on the same network); link-local and cloud metadata addresses stay
 *     refused either way
 */
@ConfigurationProperties("tollgate.providers")
record ProviderProperties(@DefaultValue("false") boolean allowPrivateUpstreams) {}
