package dev.tollgate.usage.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTests {

    @Test
    void endsEveryRecordWithCrlfAndLeavesPlainFieldsBare() {
        assertThat(Csv.line(List.of("a", "b c", "0.5000000000"))).isEqualTo("a,b c,0.5000000000\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksDoublingQuotes() {
        assertThat(Csv.line(List.of("Zürich, CH", "say \"hi\"", "two\nlines", "cr\rhere")))
                .isEqualTo("\"Zürich, CH\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+41 79", "-2", "@SUM(A1)", "\tindent", "\rreturn"})
    void defusesTextASpreadsheetWouldRunAsAFormula(String text) {
        assertThat(Csv.text(text)).isEqualTo("'" + text);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(Csv.text("José")).isEqualTo("José");
        assertThat(Csv.text("")).isEmpty();
    }
}
