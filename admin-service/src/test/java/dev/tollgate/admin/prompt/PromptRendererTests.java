package dev.tollgate.admin.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptRendererTests {

    @Test
    void replacesEachPlaceholderOnceAndNeverRescansValues() {
        String rendered = PromptRenderer.render("{{a}}{{b}}", Map.of("a", "{{b}}", "b", "x"));

        assertThat(rendered).isEqualTo("{{b}}x");
    }

    @Test
    void keepsBracesAroundAnythingThatIsNotAName() {
        String rendered = PromptRenderer.render("{{ 1x }} {{{a}}} {{a", Map.of("a", "A"));

        assertThat(rendered).isEqualTo("{{ 1x }} {{{a}}} {{a");
    }

    @Test
    void findsPlaceholderNamesInOrderOfFirstUse() {
        assertThat(PromptRenderer.placeholders("{{b}} {{ a }} {{b}}")).containsExactly("b", "a");
    }
}
