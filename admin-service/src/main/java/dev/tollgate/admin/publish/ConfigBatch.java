package dev.tollgate.admin.publish;

import dev.tollgate.model.config.ConfigChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Redis writes that belong together, applied in one MULTI/EXEC so a gateway never sees half of them, followed in the
 * same transaction by INCR of the version and one PUBLISH per change.
 */
final class ConfigBatch {

    final List<Write> writes = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final List<String> routesAdded = new ArrayList<>();
    final List<String> routesRemoved = new ArrayList<>();
    final List<ConfigChange> changes = new ArrayList<>();
    boolean replaceRoutes;

    ConfigBatch set(String key, String json, @Nullable Instant expiresAt) {
        writes.add(new Write(key, json, expiresAt));
        return this;
    }

    ConfigBatch delete(String key) {
        deletes.add(key);
        return this;
    }

    ConfigBatch changed(String kind, String id) {
        changes.add(new ConfigChange(kind, id));
        return this;
    }

    /** One value to SET; {@code expiresAt} makes Redis drop it by itself, as for a rotated secret's grace end. */
    record Write(String key, String json, @Nullable Instant expiresAt) {}
}
