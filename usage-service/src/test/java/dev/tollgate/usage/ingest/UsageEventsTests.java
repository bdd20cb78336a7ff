package dev.tollgate.usage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageEventsTests {

    static Map<String, String> fields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("schema_version", "1");
        fields.put("event_id", "0192f0c4-7a1b-7c3d-8e4f-0123456789ab");
        fields.put("request_id", "req-1");
        fields.put("timestamp", "2026-03-01T10:15:30.123Z");
        fields.put("tenant_id", "7f1c1d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f");
        fields.put("key_id", "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");
        fields.put("prompt_tokens", "12");
        fields.put("completion_tokens", "3");
        fields.put("cached_tokens", "0");
        fields.put("reasoning_tokens", "0");
        fields.put("tokens_estimated", "false");
        fields.put("cost_usd", "0.0000012345");
        fields.put("priced", "true");
        fields.put("status", "success");
        fields.put("http_status", "200");
        fields.put("latency_ms", "40");
        fields.put("stream", "false");
        fields.put("retries", "0");
        return fields;
    }

    @Test
    void readsAnEventTheLedgerCanStore() {
        assertThat(UsageEvents.parse(fields()).costUsd()).hasToString("0.0000012345");
    }

    @Test
    void refusesATenantIdThatIsNotAUuid() {
        Map<String, String> fields = fields();
        fields.put("tenant_id", "tenant-a");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> UsageEvents.parse(fields))
                .withMessageContaining("tenant_id");
    }

    @Test
    void refusesAPricedEventWithoutCost() {
        Map<String, String> fields = fields();
        fields.remove("cost_usd");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> UsageEvents.parse(fields))
                .withMessageContaining("cost_usd");
    }

    @Test
    void refusesAnEntryDeletedFromTheStream() {
        assertThatIllegalArgumentException().isThrownBy(() -> UsageEvents.parse(null));
    }
}
