package dev.tollgate.gateway.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.usage.GuardrailTrail;
import dev.tollgate.model.guardrail.GuardrailRule;
import dev.tollgate.model.usage.UsageRecorded.GuardrailUse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TextScreenTests {

    final GuardrailTrail trail = new GuardrailTrail();
    final Decisions decisions = Fixtures.decisions(trail);

    @Test
    void replacesEachOriginalWithTheSamePlaceholderEveryTime() {
        Placeholders placeholders = new Placeholders();
        List<Rule> rules = List.of(Fixtures.rule(GuardrailRule.EMAIL, Action.REDACT, true));

        String first = TextScreen.screen("a@example.com and b@example.com", rules, decisions, placeholders);
        String again = TextScreen.screen("again a@example.com", rules, decisions, placeholders);

        assertThat(first).isEqualTo("<EMAIL_1> and <EMAIL_2>");
        assertThat(again).isEqualTo("again <EMAIL_1>");
        assertThat(placeholders.restore("to <EMAIL_2>, not <EMAIL_9>")).isEqualTo("to b@example.com, not <EMAIL_9>");
    }

    @Test
    void redactsPlainlyWithoutPlaceholders() {
        List<Rule> rules = List.of(Fixtures.rule(GuardrailRule.IBAN, Action.REDACT, true));

        String screened = TextScreen.screen("pay DE89 3704 0044 0532 0130 00 now", rules, decisions, null);

        assertThat(screened).isEqualTo("pay [REDACTED_IBAN] now");
        assertThat(trail.use()).isEqualTo(new GuardrailUse("redacted", List.of("pii.iban")));
    }

    @Test
    void blocksWhenABlockingRuleMatchesAndRecordsEveryDetectorThatDid() {
        List<Rule> rules = List.of(
                Fixtures.rule(GuardrailRule.EMAIL, Action.LOG, false),
                Fixtures.rule(GuardrailRule.CARD, Action.BLOCK, false));

        assertThatThrownBy(() -> TextScreen.screen("x@example.com 4111111111111111", rules, decisions, null))
                .isInstanceOf(TextScreen.Blocked.class)
                .hasMessage("pii.card");
        assertThat(trail.use()).isEqualTo(new GuardrailUse("blocked", List.of("pii.email", "pii.card")));
    }

    @Test
    void refusesWholeTextWhenANationalIdPatternBacktracksWithoutBound() {
        var runaway = new Rule(NationalIdDetector.of(List.of("(a+)+$"), "RUNAWAY"), Action.REDACT, false, "p");

        String screened = TextScreen.screen("a".repeat(5_000) + "!", List.of(runaway), decisions, null);

        assertThat(screened).isEqualTo("[REDACTED_RUNAWAY]");
    }

    @Test
    @Timeout(300) // a guard against runaway matching on a busy machine, not a measurement: bench/guardrails.sh times it
    void screensTwoKilobyteAndOneMegabytePromptsBuiltToDefeatMatchers() {
        List<Rule> rules = Fixtures.everyDetector(Action.REDACT, true);
        List<String> units = List.of(
                "a@", "1.", "4111 ", "DE89 ", "ignore all ", "::", "eyJa.", "-----BEGIN ", "x@y.", "AKIA", "i g ");
        for (String unit : units) {
            assertThat(screened(unit.repeat(2_048 / unit.length()), rules)).isNotNull();
        }
        String mixed =
                String.join("", units).repeat(1_048_576 / String.join("", units).length());

        String screened = screened(mixed, rules);

        assertThat(screened).isNotNull();
    }

    private static String screened(String prompt, List<Rule> rules) {
        return TextScreen.screen(prompt, rules, Fixtures.decisions(new GuardrailTrail()), new Placeholders());
    }
}
