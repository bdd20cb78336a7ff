package dev.tollgate.gateway.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;

class TemplateReferenceTests {

    @Test
    void readsTheProductionLabelByDefault() {
        assertThat(TemplateReference.of("template:summary"))
                .isEqualTo(new TemplateReference("summary", "production", null));
    }

    @Test
    void readsALabelOrAVersion() {
        assertThat(TemplateReference.of("template:summary@staging"))
                .isEqualTo(new TemplateReference("summary", "staging", null));
        assertThat(TemplateReference.of("template:summary@v12")).isEqualTo(new TemplateReference("summary", null, 12));
    }

    @Test
    void leavesOrdinaryModelsAlone() {
        assertThat(TemplateReference.of("gpt-4o")).isNull();
        assertThat(TemplateReference.of(null)).isNull();
    }

    @Test
    void refusesAReferenceWithoutNameOrSelector() {
        for (String model : new String[] {"template:", "template:@v1", "template:summary@"}) {
            assertThatExceptionOfType(GatewayException.class)
                    .isThrownBy(() -> TemplateReference.of(model))
                    .satisfies(refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }
}
