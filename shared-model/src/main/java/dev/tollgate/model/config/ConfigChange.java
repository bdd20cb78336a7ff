package dev.tollgate.model.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Announces that published configuration changed, so every gateway instance drops what it cached.
 *
 * @param kind {@code key}, {@code tenant}, {@code route}, or {@code all} after a full resync
 * @param id the key hash, tenant id or model name that changed; empty for {@code all}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigChange(String kind, String id) {

    public static final String KEY = "key";
    public static final String TENANT = "tenant";
    public static final String ROUTE = "route";
    public static final String ALL = "all";

    /** Drop every cached answer of one tenant; {@code id} is the tenant's id. Nothing is republished. */
    public static final String CACHE_PURGE = "cache";

    /** Drop every cached answer of one public model, in every tenant; {@code id} is the model's public name. */
    public static final String CACHE_ROUTE_PURGE = "cache-route";
}
