package dev.tollgate.gateway.chat;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class UpstreamOverridesTests {

    final OpenAiJson json = new OpenAiJson(64);

    @Test
    void refusesAnUpstreamAddressInAnyUnmodelledFieldAtAnyDepth() {
        assertRefused("{\"model\":\"m\",\"api_base\":\"x\"}", "'api_base'");
        assertRefused("{\"model\":\"m\",\"BASE_URL\":\"x\"}", "'BASE_URL'");
        assertRefused("{\"model\":\"m\",\"opts\":{\"list\":[{\"api_url\":\"x\"}]}}", "'opts.list[].api_url'");
        assertRefused("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"host\":\"h\"}]}", "host");
        assertRefused(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"x\",\"endpoint\":\"e\"}]}]}",
                "endpoint");
        assertRefused(
                "{\"model\":\"m\",\"tools\":[{\"type\":\"function\",\"azure_endpoint\":\"e\"}]}", "azure_endpoint");
    }

    @Test
    void leavesModelledDataSuchAsAToolSchemaAlone() {
        String tool = "{\"model\":\"m\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"ping\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"host\":{\"type\":\"string\"}}}}}],"
                + "\"metadata\":{\"endpoint\":\"billing\"}}";

        assertThatCode(() -> UpstreamOverrides.rejectIn(parse(tool))).doesNotThrowAnyException();
    }

    @Test
    void refusesHeadersThatNameAnUpstreamOnly() {
        assertThatThrownBy(() -> UpstreamOverrides.rejectIn(header("X-Upstream-Host")))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> UpstreamOverrides.rejectIn(header("openai-base-url")))
                .isInstanceOf(GatewayException.class);
        assertThatCode(() -> UpstreamOverrides.rejectIn(header("X-Forwarded-Host")))
                .doesNotThrowAnyException();
        assertThatCode(() -> UpstreamOverrides.rejectIn(header("Host"))).doesNotThrowAnyException();
    }

    private void assertRefused(String body, String named) {
        assertThatThrownBy(() -> UpstreamOverrides.rejectIn(parse(body)))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining(named);
    }

    private ChatCompletionRequest parse(String body) {
        return json.mapper().readValue(body, ChatCompletionRequest.class);
    }

    private static HttpHeaders header(String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, "value");
        return headers;
    }
}
