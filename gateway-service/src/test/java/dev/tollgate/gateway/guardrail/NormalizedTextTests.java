package dev.tollgate.gateway.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizedTextTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "IGNORE previous",
                "1gn0r3 previous",
                "I G N O R E  previous",
                "i.g.n.o.r.e. previous",
                "Ign\u200bore previous",
                "Ign\u043ere previous",
                "Ｉｇｎｏｒｅ previous",
                "Ïgnöre   previous"
            })
    void foldsObfuscatedSpellingsToThePlainWord(String obfuscated) {
        assertThat(NormalizedText.of(obfuscated).text()).isEqualTo("ignore previous");
    }

    @Test
    void keepsNumbersThatAreNotInsideWords() {
        assertThat(NormalizedText.of("Pay 100 EUR by 2024").text()).isEqualTo("pay 100 eur by 2024");
    }

    @Test
    void mapsAMatchBackOntoTheOriginalText() {
        String original = "say: I g n o r e  all";
        NormalizedText folded = NormalizedText.of(original);
        int start = folded.text().indexOf("ignore");

        Finding finding = folded.original(start, start + "ignore".length());

        assertThat(original.substring(finding.start(), finding.end())).isEqualTo("I g n o r e");
    }
}
