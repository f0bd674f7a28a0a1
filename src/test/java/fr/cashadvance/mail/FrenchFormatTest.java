package fr.cashadvance.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrenchFormatTest {

    @Test
    void eurosUseSpaceGroupsCommaDecimalsAndTrailingSymbol() {
        assertThat(FrenchFormat.euros(new BigDecimal("1453.76"))).isEqualTo("1 453,76 €");
        assertThat(FrenchFormat.euros(new BigDecimal("12"))).isEqualTo("12,00 €");
        assertThat(FrenchFormat.euros(new BigDecimal("0.125"))).isEqualTo("0,13 €");
        assertThat(FrenchFormat.euros(new BigDecimal("1234567.8"))).isEqualTo("1 234 567,80 €");
    }

    @Test
    void percentKeepsSignificantDecimals() {
        assertThat(FrenchFormat.percent(new BigDecimal("0.07"))).isEqualTo("0,07 %");
        assertThat(FrenchFormat.percent(new BigDecimal("0.0700"))).isEqualTo("0,07 %");
        assertThat(FrenchFormat.percent(new BigDecimal("0.075"))).isEqualTo("0,075 %");
        assertThat(FrenchFormat.percent(new BigDecimal("0.1"))).isEqualTo("0,10 %");
    }

    @Test
    void datesSpellWeekdayAndMonth() {
        assertThat(FrenchFormat.date(LocalDate.of(2027, 1, 4))).isEqualTo("lundi 4 janvier 2027");
        assertThat(FrenchFormat.date(LocalDate.of(2026, 8, 1))).isEqualTo("samedi 1er août 2026");
    }

    @Test
    void momentsAreShownInParisTime() {
        // 23:30 UTC on 31 December is already the next day in Paris.
        assertThat(FrenchFormat.dateTime(Instant.parse("2026-12-31T23:30:00Z")))
                .isEqualTo("vendredi 1er janvier 2027 à 0 h 30");
        assertThat(FrenchFormat.dateTime(Instant.parse("2026-07-15T16:00:00Z")))
                .isEqualTo("mercredi 15 juillet 2026 à 18 h 00");
    }
}
