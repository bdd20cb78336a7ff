package dev.tollgate.model.config;

/**
 * The Redis layout of published configuration. Values are JSON documents of the {@code dev.tollgate.model} records;
 * the admin service writes them from Postgres (the source of truth) and the gateway only reads them.
 *
 * <pre>
 * tollgate:key:{hash}        KeyPrincipal   one per valid secret (a rotated key has two until its grace ends)
 * tollgate:tenant:{id}       TenantSnapshot
 * tollgate:route:{model}     ModelRoute
 * tollgate:routes            set of every published public model name
 * tollgate:config:version    counter, incremented by every publish
 * tollgate:config:changes    pub/sub channel; each message is a ConfigChange as JSON
 * </pre>
 */
public final class ConfigKeys {

    public static final String PREFIX = "tollgate:";
    public static final String ROUTES = PREFIX + "routes";
    public static final String VERSION = PREFIX + "config:version";
    public static final String CHANGES_CHANNEL = PREFIX + "config:changes";

    private ConfigKeys() {}

    public static String key(String hash) {
        return PREFIX + "key:" + hash;
    }

    public static String tenant(String tenantId) {
        return PREFIX + "tenant:" + tenantId;
    }

    public static String route(String model) {
        return PREFIX + "route:" + model;
    }
}
