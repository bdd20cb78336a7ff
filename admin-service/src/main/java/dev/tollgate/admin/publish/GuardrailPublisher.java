package dev.tollgate.admin.publish;

import dev.tollgate.model.guardrail.GuardrailKeys;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the enabled guardrail policies of one scope as one list under {@link GuardrailKeys#policies}, or deletes
 * the key when none is left, and announces the change. Like {@link ConfigPublisher}, called after the change committed;
 * a failure is logged and left to the periodic resync.
 */
@Component
public class GuardrailPublisher {

    private static final Logger log = LoggerFactory.getLogger(GuardrailPublisher.class);

    private final GuardrailSnapshots snapshots;
    private final RedisWriter writer;
    private final JsonMapper json = PublishedJson.mapper();

    GuardrailPublisher(GuardrailSnapshots snapshots, RedisWriter writer) {
        this.snapshots = snapshots;
        this.writer = writer;
    }

    /** Republishes every enabled policy of one scope. */
    public Mono<Void> policiesChanged(String scope, String scopeId) {
        return snapshots
                .of(scope, scopeId)
                .collectList()
                .map(found -> batch(new ConfigBatch(), scope, scopeId, found))
                .flatMap(writer::apply)
                .onErrorResume(failure -> {
                    log.warn(
                            "Publishing guardrail policies failed; the next resync will repair it: {}",
                            failure.toString());
                    return Mono.empty();
                });
    }

    Flux<GuardrailPolicy> all() {
        return snapshots.of(null, null);
    }

    ConfigBatch batch(ConfigBatch batch, String scope, String scopeId, List<GuardrailPolicy> found) {
        String key = GuardrailKeys.policies(scope, scopeId);
        if (found.isEmpty()) {
            batch.delete(key);
        } else {
            batch.set(key, json.writeValueAsString(found), null);
        }
        return batch.changed(GuardrailKeys.CHANGE_KIND, GuardrailKeys.changeId(scope, scopeId));
    }
}
