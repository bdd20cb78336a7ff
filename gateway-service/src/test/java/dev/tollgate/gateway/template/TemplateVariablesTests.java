package dev.tollgate.gateway.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.prompt.PromptVariable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateVariablesTests {

    static final List<PromptVariable> DECLARED = List.of(
            new PromptVariable("topic", "string", true, null),
            new PromptVariable("words", "integer", false, 50),
            new PromptVariable("ratio", "number", false, null),
            new PromptVariable("formal", "boolean", false, null));

    @Test
    void givesEachVariableItsValueElseItsDefaultElseNothing() {
        Map<String, String> texts = TemplateVariables.resolve("t", DECLARED, Map.of("topic", "tides", "ratio", 0.5));

        assertThat(texts)
                .containsExactly(
                        Map.entry("topic", "tides"),
                        Map.entry("words", "50"),
                        Map.entry("ratio", "0.5"),
                        Map.entry("formal", ""));
    }

    @Test
    void acceptsAnIntegralDecimalAsAnInteger() {
        Map<String, String> texts =
                TemplateVariables.resolve("t", DECLARED, Map.of("topic", "x", "words", new BigDecimal("12.0")));

        assertThat(texts).containsEntry("words", "12.0");
    }

    @Test
    void namesAMissingRequiredVariable() {
        assertThatExceptionOfType(GatewayException.class)
                .isThrownBy(() -> TemplateVariables.resolve("t", DECLARED, Map.of()))
                .satisfies(refused -> assertThat(refused.param()).isEqualTo("variables.topic"))
                .withMessageContaining("'topic'");
    }

    @Test
    void namesAnUnknownVariable() {
        assertThatExceptionOfType(GatewayException.class)
                .isThrownBy(() -> TemplateVariables.resolve("t", DECLARED, Map.of("topic", "x", "colour", "red")))
                .satisfies(refused -> assertThat(refused.param()).isEqualTo("variables.colour"));
    }

    @Test
    void namesAVariableOfTheWrongType() {
        assertThatExceptionOfType(GatewayException.class)
                .isThrownBy(() -> TemplateVariables.resolve("t", DECLARED, Map.of("topic", "x", "words", 1.5)))
                .satisfies(refused -> assertThat(refused.param()).isEqualTo("variables.words"))
                .withMessage("The variable 'words' must be an integer.");
    }

    @Test
    void readsMetadataStringsAsTheDeclaredTypes() {
        Map<String, Object> values = TemplateVariables.fromText(
                DECLARED, Map.of("topic", "7", "words", "12", "ratio", "0.25", "formal", "true"));

        assertThat(TemplateVariables.resolve("t", DECLARED, values))
                .containsExactly(
                        Map.entry("topic", "7"),
                        Map.entry("words", "12"),
                        Map.entry("ratio", "0.25"),
                        Map.entry("formal", "true"));
    }

    @Test
    void keepsMetadataThatDoesNotParseAsTextSoTheTypeCheckNamesIt() {
        Map<String, Object> values = TemplateVariables.fromText(DECLARED, Map.of("topic", "x", "formal", "yes"));

        assertThatExceptionOfType(GatewayException.class)
                .isThrownBy(() -> TemplateVariables.resolve("t", DECLARED, values))
                .satisfies(refused -> assertThat(refused.param()).isEqualTo("variables.formal"));
    }
}
