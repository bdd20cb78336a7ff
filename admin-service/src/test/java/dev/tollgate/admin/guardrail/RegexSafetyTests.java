package dev.tollgate.admin.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexSafetyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\d{3}-\\d{2}-\\d{4}",
                "[A-Z]{2}\\d{6}[A-D]",
                "(?:\\d{3}-){2}\\d{4}",
                "(?i)ab+c",
                "(\\d{3})?-?\\d+",
                "[(+)*]+x",
                "(?<area>\\d{3})-\\d{4}",
                "\\b[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\b",
                "(?:-|\\s)?\\d{4}",
                "\\Q(a+)+\\E\\d"
            })
    void acceptsPatternsThatCannotBacktrackExponentially(String pattern) {
        assertThat(RegexSafety.problem(pattern)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(a+)+",
                "(a*)*b",
                "(a|ab)*c",
                "(?:\\d+-?)+",
                "(\\w+\\s?){2,}",
                "((ab)*c)+",
                "(x?\\d){1,30}",
                "(?:[a-z]+\\.)*example"
            })
    void refusesRepeatedGroupsThatVaryInside(String pattern) {
        assertThat(RegexSafety.problem(pattern)).contains("exponential time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a)\\1", "(?<x>a)\\k<x>"})
    void refusesBackReferences(String pattern) {
        assertThat(RegexSafety.problem(pattern)).contains("back-references");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a-", "(ab", "a{2,1}", "*a"})
    void refusesWhatDoesNotCompile(String pattern) {
        assertThat(RegexSafety.problem(pattern)).startsWith("is not a valid regular expression");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 201})
    void refusesEmptyAndOverlongPatterns(int length) {
        assertThat(RegexSafety.problem("a".repeat(length))).contains("1 to 200 characters");
    }
}
