package fr.cashadvance.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VatNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "FR11999999998",   // demo business: key (12 + 3 × (999999998 mod 97)) mod 97 = 11
        "FR40303265045",
        "FR11123456782",   // seller of the FNFE sample invoices
        "FR19787878784"})
    void acceptsFrenchNumbersWithTheirNumericKey(String vat) {
        assertThat(VatNumber.isValid(vat)).isTrue();
    }

    @Test
    void refusesAFrenchNumberWithAWrongKey() {
        assertThat(VatNumber.isValid("FR12999999998")).isFalse();
    }

    @Test
    void refusesAFrenchNumberWhoseSirenFailsLuhn() {
        // Key 32 is right for 123456789, whose check digit is wrong.
        assertThat(VatNumber.isValid("FR32123456789")).isFalse();
        assertThat(VatNumber.isValid("FR15123456789")).isFalse();
    }

    @Test
    void acceptsAnAlphabeticFrenchKeyOnShapeOnly() {
        assertThat(VatNumber.isValid("FRAB123456782")).isTrue();
        assertThat(VatNumber.isValid("FR1B999999998")).isTrue();
        // I and O are never used in keys; the SIREN must still pass Luhn.
        assertThat(VatNumber.isValid("FRIO123456782")).isFalse();
        assertThat(VatNumber.isValid("FRAB123456789")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR 11 999 999 998", "fr11999999998", "BE 0403.019.261",
        "be0403-019-261", "DE 136 695 976"})
    void acceptsNumbersAsPrintedOnInvoices(String vat) {
        assertThat(VatNumber.isValid(vat)).isTrue();
    }

    @Test
    void checksBelgianNumbersByModulo97() {
        assertThat(VatNumber.isValid("BE0403019261")).isTrue();
        assertThat(VatNumber.isValid("BE0403019262")).isFalse();
        // Must start with 0 or 1 and have 10 digits.
        assertThat(VatNumber.isValid("BE2403019261")).isFalse();
        assertThat(VatNumber.isValid("BE403019261")).isFalse();
    }

    @Test
    void checksGermanNumbersByIso7064Mod1110() {
        assertThat(VatNumber.isValid("DE136695976")).isTrue();
        assertThat(VatNumber.isValid("DE136695977")).isFalse();
        assertThat(VatNumber.isValid("DE123456789")).isFalse();
        assertThat(VatNumber.isValid("DE13669597")).isFalse();
    }

    @Test
    void checksDutchNumbersByEitherTheRsinOrTheSoleTraderRule() {
        assertThat(VatNumber.isValid("NL004495445B01")).isTrue();
        // Fails the weighted mod-11 test but passes mod 97 over "NL...B01".
        assertThat(VatNumber.isValid("NL100000024B01")).isTrue();
        assertThat(VatNumber.isValid("NL004495446B01")).isFalse();
        assertThat(VatNumber.isValid("NL004495445X01")).isFalse();
        assertThat(VatNumber.isValid("NL004495445B1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ESA12345674",   // company (A: control digit), buyer of the Factur-X sample
        "ESB12345674",
        "ESG12345674",   // kinds that take either a digit or a letter
        "ESG1234567D",
        "ESP1234567D",   // public body: control letter
        "ES12345678Z",   // person: DNI
        "ESX1234567L",   // foreigner: NIE
        "ESY1234567X",
        "ESK1234567L"})  // K/L/M personal number
    void acceptsSpanishNumbersWithTheRightControlCharacter(String vat) {
        assertThat(VatNumber.isValid(vat)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ESA12345675", "ESA1234567D", "ESP12345674", "ES12345678A",
        "ESX1234567A", "ESI12345674", "ESA1234567", "ESA123456745"})
    void refusesSpanishNumbersWithAWrongControlOrShape(String vat) {
        assertThat(VatNumber.isValid(vat)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"IT00743110157", "ATU13585627", "11999999998", "F", "GB"})
    void refusesUnsupportedCountriesAndNonsense(String value) {
        assertThat(VatNumber.isValid(value)).isFalse();
    }

    @Test
    void countryOfReadsThePrefix() {
        assertThat(VatNumber.countryOf("fr 11 999999998")).isEqualTo("FR");
        assertThat(VatNumber.countryOf("EL094259216")).isEqualTo("EL");
        assertThat(VatNumber.countryOf("999999998")).isNull();
        assertThat(VatNumber.isSupportedCountry("es")).isTrue();
        assertThat(VatNumber.isSupportedCountry("IT")).isFalse();
    }

    @Test
    void sirenOfReadsTheSirenOfAFrenchNumber() {
        assertThat(VatNumber.sirenOf("FR 11 999 999 998")).contains("999999998");
        assertThat(VatNumber.sirenOf("DE136695976")).isEmpty();
        assertThat(VatNumber.sirenOf("FR1199999999")).isEmpty();
        assertThat(VatNumber.sirenOf(null)).isEmpty();
    }

    @Test
    void fromSirenComputesTheNumericKey() {
        assertThat(VatNumber.fromSiren("999999998")).isEqualTo("FR11999999998");
        assertThat(VatNumber.fromSiren("303 265 045")).isEqualTo("FR40303265045");
        assertThatThrownBy(() -> VatNumber.fromSiren("123456789"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
