package dev.tollgate.model.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTests {

    @Test
    void replacesEachPlaceholderOnceAndNeverRescansValues() {
        String rendered = Placeholders.render("{{a}}{{b}}", Map.of("a", "{{b}}", "b", "x"));

        assertThat(rendered).isEqualTo("{{b}}x");
    }

    @Test
    void replacesEachPlaceholderWithItsValue() {
        String rendered =
                Placeholders.render("Hi {{name}}, {{ name }} is {{age}}.", Map.of("name", "Ada", "age", "36"));

        assertThat(rendered).isEqualTo("Hi Ada, Ada is 36.");
    }

    @Test
    void neverScansAValueAgain() {
        String rendered = Placeholders.render("{{a}} and {{b}}", Map.of("a", "{{b}}", "b", "{{secret}}"));

        assertThat(rendered).isEqualTo("{{b}} and {{secret}}");
    }

    @Test
    void keepsBracesAroundAnythingThatIsNotAName() {
        String rendered = Placeholders.render("{{ 1x }} {{{a}}} {{a", Map.of("a", "A"));

        assertThat(rendered).isEqualTo("{{ 1x }} {{{a}}} {{a");
        assertThat(Placeholders.render("{{ 1x }} {{}} {{x}} {{unclosed", Map.of("x", "y")))
                .isEqualTo("{{ 1x }} {{}} y {{unclosed");
    }

    @Test
    void findsPlaceholderNamesInOrderOfFirstUse() {
        assertThat(Placeholders.in("{{b}} {{ a }} {{b}}")).containsExactly("b", "a");
    }

    @Test
    void refusesAPlaceholderWithoutValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> Placeholders.render("{{missing}}", Map.of()));
    }
}
