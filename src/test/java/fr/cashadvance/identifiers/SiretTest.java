package fr.cashadvance.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "99999999800019", "732 829 320 00074"})
    void acceptsSiretsPassingLuhn(String siret) {
        assertThat(Siret.isValid(siret)).isTrue();
    }

    @Test
    void acceptsLaPosteHeadOfficeThroughLuhnAlthoughItsDigitSumIsNotAMultipleOfFive() {
        // 3+5+6+4+8 = 26: the head office predates La Poste's own rule.
        assertThat(Siret.isValid("35600000000048")).isTrue();
    }

    @Test
    void acceptsLaPosteEstablishmentWhoseDigitSumIsAMultipleOfFive() {
        // Digit sum 15, and Luhn would fail: only La Poste's rule makes it valid.
        assertThat(Siret.isValid("35600000000001")).isTrue();
    }

    @Test
    void refusesLaPosteEstablishmentFailingBothRules() {
        assertThat(Siret.isValid("35600000000101")).isFalse();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(Siret.isValid("73282932000075")).isFalse();
    }

    @Test
    void laPosteDigitSumRuleDoesNotApplyToOtherCompanies() {
        // Digit sum 45, a multiple of 5, but not La Poste and not Luhn-valid.
        assertThat(Siret.isValid("73282932000072")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"7328293200007", "732829320000740", "7328293200007A", "732829320"})
    void refusesAnythingThatIsNotFourteenDigits(String value) {
        assertThat(Siret.isValid(value)).isFalse();
    }

    @Test
    void sirenOfIsTheFirstNineDigits() {
        assertThat(Siret.sirenOf("73282932000074")).isEqualTo("732829320");
        assertThat(Siret.sirenOf("999 999 998 00019")).isEqualTo("999999998");
    }

    @Test
    void sirenOfRefusesAMalformedSiret() {
        assertThatThrownBy(() -> Siret.sirenOf("732829320"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Siret.sirenOf(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
