package fr.cashadvance.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NafNomenclatureTest {

    @ParameterizedTest
    @ValueSource(strings = {"62.01Z", "6201Z", "6201z", "62 01Z", "01.11Z", "99.00Z", "25.50A"})
    void acceptsBothWrittenShapes(String code) {
        assertThat(NafCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"62.01", "620Z", "62-01Z", "6.201Z", "AB.CDZ", "62.01ZZ", "62011"})
    void refusesOtherShapes(String code) {
        assertThat(NafCode.isValid(code)).isFalse();
    }

    @Test
    void normalizeGivesTheDottedForm() {
        assertThat(NafCode.normalize("6201z")).isEqualTo("62.01Z");
        assertThat(NafCode.normalize("62.01Z")).isEqualTo("62.01Z");
        assertThat(NafCode.normalize(" 62-01z ")).isEqualTo("62-01Z");
        assertThat(NafCode.normalize(null)).isNull();
    }

    @Test
    void loadsAllSubclassesOfTheNomenclature() {
        assertThat(NafNomenclature.size()).isEqualTo(732);
        assertThat(NafNomenclature.all().keySet())
                .allMatch(code -> code.matches("\\d{2}\\.\\d{2}[A-Z]"));
        assertThat(NafNomenclature.all().values()).noneMatch(String::isBlank);
    }

    @Test
    void findsACodeInEitherShape() {
        assertThat(NafNomenclature.exists("62.01Z")).isTrue();
        assertThat(NafNomenclature.exists("6201Z")).isTrue();
        assertThat(NafNomenclature.label("6201z")).contains("Programmation informatique");
    }

    @Test
    void readsAccentsAsUtf8AndUnquotesLabelsContainingSemicolons() {
        assertThat(NafNomenclature.label("01.11Z")).hasValueSatisfying(
                label -> assertThat(label).startsWith("Culture de céréales"));
        assertThat(NafNomenclature.label("15.11Z")).contains(
                "Apprêt et tannage des cuirs ; préparation et teinture des fourrures");
    }

    @Test
    void refusesWellFormedCodesThatDoNotExist() {
        assertThat(NafNomenclature.exists("62.05Z")).isFalse();
        assertThat(NafNomenclature.exists("00.00Z")).isFalse();
        assertThat(NafNomenclature.exists("62.01")).isFalse();
        assertThat(NafNomenclature.exists(null)).isFalse();
        assertThat(NafNomenclature.label("62.05Z")).isEmpty();
    }
}
