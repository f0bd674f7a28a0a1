package fr.cashadvance.connection;

import java.time.LocalDate;

/** What a business gives to connect (DOMAIN §4), normalised. */
public record ConnectionInput(
        String siret,
        String legalName,
        String apeCode,
        String iban,
        LocalDate companyCreatedOn,
        String representativeFirstName,
        String representativeLastName,
        String representativeEmail,
        String representativePhone,
        boolean consent) {
}
