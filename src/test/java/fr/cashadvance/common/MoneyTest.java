package fr.cashadvance.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final String NNBSP = "\u202F";

    @Test
    void convertsEurosToCentsExactly() {
        assertThat(Money.toCents(new BigDecimal("1453.76"))).isEqualTo(145376L);
        assertThat(Money.toCents(new BigDecimal("208.03"))).isEqualTo(20803L);
        assertThat(Money.toCents(new BigDecimal("200000"))).isEqualTo(20000000L);
        assertThat(Money.toCents(new BigDecimal("-2.5"))).isEqualTo(-250L);
        assertThat(Money.toCents(new BigDecimal("1.230"))).isEqualTo(123L);
    }

    @Test
    void refusesFractionsOfACent() {
        assertThatThrownBy(() -> Money.toCents(new BigDecimal("1.234")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.234");
    }

    @Test
    void refusesAmountsBeyondALong() {
        assertThatThrownBy(() -> Money.toCents(new BigDecimal("1E20")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsCentsToEurosWithScaleTwo() {
        assertThat(Money.fromCents(145376L)).isEqualTo(new BigDecimal("1453.76"));
        assertThat(Money.fromCents(5L)).isEqualTo(new BigDecimal("0.05"));
        assertThat(Money.fromCents(0L)).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.fromCents(Money.toCents(new BigDecimal("308.03"))))
                .isEqualTo(new BigDecimal("308.03"));
    }

    @Test
    void formatsTheFrenchWayWithNarrowNoBreakSpaces() {
        assertThat(Money.formatFr(new BigDecimal("1453.76")))
                .isEqualTo("1" + NNBSP + "453,76" + NNBSP + "€");
        assertThat(Money.formatFr(new BigDecimal("1234567.8")))
                .isEqualTo("1" + NNBSP + "234" + NNBSP + "567,80" + NNBSP + "€");
        assertThat(Money.formatFr(new BigDecimal("999.99"))).isEqualTo("999,99" + NNBSP + "€");
        assertThat(Money.formatFr(new BigDecimal("100000"))).isEqualTo("100" + NNBSP + "000,00"
                + NNBSP + "€");
        assertThat(Money.formatFr(BigDecimal.ZERO)).isEqualTo("0,00" + NNBSP + "€");
    }

    @Test
    void formatsNegativeAmountsAndRoundsExtraDecimalsForDisplay() {
        assertThat(Money.formatFr(new BigDecimal("-1453.76")))
                .isEqualTo("-1" + NNBSP + "453,76" + NNBSP + "€");
        assertThat(Money.formatFr(new BigDecimal("0.005"))).isEqualTo("0,01" + NNBSP + "€");
        assertThat(Money.formatFr(new BigDecimal("-0.001"))).isEqualTo("0,00" + NNBSP + "€");
    }
}
