package fr.cashadvance.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "FR7630006000011234567890189",
        "FR8811111015593603018280926",
        "FR3711111025593244332331294",
        "FR1311111045594746737398900",
        "DE89370400440532013000",
        "BE68539007547034",
        "NL91ABNA0417164300",
        "ES9121000418450200051332"})
    void acceptsValidIbans(String iban) {
        assertThat(Iban.isValid(iban)).isTrue();
    }

    @Test
    void acceptsThePrintFormWithSpacesAndLowerCase() {
        assertThat(Iban.isValid("FR76 3000 6000 0112 3456 7890 189")).isTrue();
        assertThat(Iban.isValid("nl91 abna 0417 1643 00")).isTrue();
    }

    @Test
    void refusesABadChecksum() {
        assertThat(Iban.isValid("FR7630006000011234567890188")).isFalse();
        assertThat(Iban.isValid("DE89370400440532013001")).isFalse();
    }

    @Test
    void refusesAFrenchIbanOfTwentySixCharactersEvenWithACorrectChecksum() {
        // Check digits 13 are right for this 26-character string: only the length is wrong.
        assertThat(Iban.isValid("FR133000600001123456789018")).isFalse();
    }

    @Test
    void acceptsACountryWithoutAKnownLengthWithinIsoBounds() {
        assertThat(Iban.isValid("SA0380000000608010167519")).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"FR", "7630006000011234567890189FR", "FR7A30006000011234567890189",
        "FR76-3000-6000-0112-3456-7890-189", "FR76300060000112345678901#9"})
    void refusesMalformedValues(String value) {
        assertThat(Iban.isValid(value)).isFalse();
    }

    @Test
    void normalizeRemovesSpacesAndUpperCases() {
        assertThat(Iban.normalize(" fr76 3000 6000 0112 3456 7890 189 "))
                .isEqualTo("FR7630006000011234567890189");
        assertThat(Iban.normalize(null)).isNull();
    }

    @Test
    void maskKeepsTheCountryAndTheLastFourCharacters() {
        assertThat(Iban.mask("FR8811111015593603018280926")).isEqualTo("FR••••0926");
        assertThat(Iban.mask("de89 3704 0044 0532 0130 00")).isEqualTo("DE••••3000");
    }

    @Test
    void maskHidesEverythingOfAValueTooShortToBeAnIban() {
        assertThat(Iban.mask("FR7612")).isEqualTo("••••");
        assertThat(Iban.mask(null)).isEqualTo("••••");
    }

    @Test
    void countryOfReadsTheFirstTwoLetters() {
        assertThat(Iban.countryOf("be68539007547034")).isEqualTo("BE");
        assertThat(Iban.countryOf("1234")).isNull();
    }
}
