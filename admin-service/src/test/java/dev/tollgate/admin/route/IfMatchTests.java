package dev.tollgate.admin.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IfMatchTests {

    @Test
    void noHeaderMeansAnUnconditionalChange() {
        assertThat(IfMatch.of(null)).isNull();
        assertThat(IfMatch.of(" ")).isNull();
    }

    @Test
    void matchesTheVersionItNamesStrongOrWeakOrAnyForAStar() {
        assertThat(IfMatch.of("\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.of("W/\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.of("\"1\", \"3\"").matches(3)).isTrue();
        assertThat(IfMatch.of("*").matches(42)).isTrue();
        assertThat(IfMatch.of("\"2\"").matches(3)).isFalse();
        assertThat(IfMatch.of("\"abc\"").matches(3)).isFalse();
    }
}
