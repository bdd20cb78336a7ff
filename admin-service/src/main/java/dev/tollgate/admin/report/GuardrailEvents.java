package dev.tollgate.admin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The newest requests a guardrail decided on, as the usage service lists them: never the text that matched. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuardrailEvents(List<Event> events) {

    /** One decision; {@code occurredAt} is in the report's time zone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(
            @JsonProperty("occurred_at") String occurredAt,
            @JsonProperty("request_id") String requestId,
            String tenant,
            String key,
            String model,
            String action,
            List<String> detectors) {}
}
