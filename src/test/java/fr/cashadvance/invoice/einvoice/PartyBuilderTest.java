package fr.cashadvance.invoice.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartyBuilderTest {

    @Test
    void takesANineDigitLegalIdUnderTheSirenSchemeAsTheSiren() {
        Party party = new PartyBuilder("Le Fournisseur", "fr")
                .identifier("0002", "123456782")
                .build();

        assertThat(party.siren()).isEqualTo("123456782");
        assertThat(party.siret()).isNull();
        assertThat(party.countryCode()).isEqualTo("FR");
    }

    @Test
    void derivesTheSirenFromASiretGivenUnderTheSirenScheme() {
        Party party = new PartyBuilder("Au bon moulin", "FR")
                .identifier("0002", "99999999800010")
                .build();

        assertThat(party.siret()).isEqualTo("99999999800010");
        assertThat(party.siren()).isEqualTo("999999998");
    }

    @Test
    void readsASiretUnderItsOwnScheme() {
        Party party = new PartyBuilder("x", null).identifier("0009", "787 878 784 00018").build();

        assertThat(party.siret()).isEqualTo("78787878400018");
        assertThat(party.siren()).isEqualTo("787878784");
    }

    @Test
    void derivesTheSirenFromAFrenchVatNumberWhenNothingElseGivesIt() {
        Party party = new PartyBuilder("x", "FR").taxRegistration("VA", "FR 05 987 654 321")
                .build();

        assertThat(party.vatNumber()).isEqualTo("FR05987654321");
        assertThat(party.siren()).isEqualTo("987654321");
    }

    @Test
    void aLegalIdOutranksTheVatNumber() {
        Party party = new PartyBuilder("x", "FR")
                .identifier("0002", "123456782")
                .taxRegistration("VA", "FR32123456789")
                .build();

        assertThat(party.siren()).isEqualTo("123456782");
        assertThat(party.vatNumber()).isEqualTo("FR32123456789");
    }

    @Test
    void doesNotReadASirenFromAForeignVatNumber() {
        Party party = new PartyBuilder("x", "ES").taxRegistration("VA", "ESA12345674").build();

        assertThat(party.siren()).isNull();
        assertThat(party.vatNumber()).isEqualTo("ESA12345674");
    }

    @Test
    void keepsMalformedAndConflictingIdsAsOtherIds() {
        Party party = new PartyBuilder("x", "FR")
                .identifier("0002", "123456782")
                .identifier("0002", "123456782")
                .identifier("0002", "111111118")
                .identifier("0002", "12345")
                .identifier(null, "57151520")
                .taxRegistration("FC", "22/815/0815/4")
                .other("0225", "999999998_042")
                .build();

        assertThat(party.siren()).isEqualTo("123456782");
        assertThat(party.otherIds()).containsExactly("0002:111111118", "0002:12345", "57151520",
                "FC:22/815/0815/4", "0225:999999998_042");
    }

    @Test
    void doesNotCheckChecksums() {
        // 123456789 fails the Luhn check; telling the user so is the identifier checks' job.
        Party party = new PartyBuilder("x", "FR").identifier("0002", "123456789").build();

        assertThat(party.siren()).isEqualTo("123456789");
    }
}
