package fr.cashadvance.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"732829320", "552100554", "999999998", "123456782", "356000000",
        "303265045"})
    void acceptsRealSirens(String siren) {
        assertThat(Siren.isValid(siren)).isTrue();
    }

    @Test
    void acceptsASirenTypedWithSpaces() {
        assertThat(Siren.isValid("732 829 320")).isTrue();
        assertThat(Siren.isValid("732\u00A0829\u202F320")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"732829321", "987654321", "552100555"})
    void refusesAWrongCheckDigit(String siren) {
        assertThat(Siren.isValid(siren)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"73282932", "7328293200", "73282932A", "732.829.320", "   "})
    void refusesAnythingThatIsNotNineDigits(String value) {
        assertThat(Siren.isValid(value)).isFalse();
    }

    @Test
    void normalizeRemovesSpacesOnly() {
        assertThat(Siren.normalize(" 732 829 320 ")).isEqualTo("732829320");
        assertThat(Siren.normalize("732.829.320")).isEqualTo("732.829.320");
        assertThat(Siren.normalize(null)).isNull();
    }
}
