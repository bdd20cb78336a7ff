package dev.tollgate.gateway.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTests {

    @Test
    void replacesEachPlaceholderWithItsValue() {
        String rendered =
                TemplateRenderer.render("Hi {{name}}, {{ name }} is {{age}}.", Map.of("name", "Ada", "age", "36"));

        assertThat(rendered).isEqualTo("Hi Ada, Ada is 36.");
    }

    @Test
    void neverScansAValueAgain() {
        String rendered = TemplateRenderer.render("{{a}} and {{b}}", Map.of("a", "{{b}}", "b", "{{secret}}"));

        assertThat(rendered).isEqualTo("{{b}} and {{secret}}");
    }

    @Test
    void keepsBracesAroundAnythingThatIsNotAName() {
        String rendered = TemplateRenderer.render("{{ 1x }} {{}} {{x}} {{unclosed", Map.of("x", "y"));

        assertThat(rendered).isEqualTo("{{ 1x }} {{}} y {{unclosed");
    }

    @Test
    void refusesAPlaceholderWithoutValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> TemplateRenderer.render("{{missing}}", Map.of()));
    }
}
