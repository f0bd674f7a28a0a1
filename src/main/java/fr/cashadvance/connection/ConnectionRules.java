package fr.cashadvance.connection;

import fr.cashadvance.identifiers.Iban;
import fr.cashadvance.identifiers.NafCode;
import fr.cashadvance.identifiers.NafNomenclature;
import fr.cashadvance.identifiers.Siret;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a connection request before anything is stored or sent (DOMAIN §4, §10). Every broken
 * rule is reported with the field it concerns.
 */
public final class ConnectionRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{6,20}$");

    private ConnectionRules() {
    }

    public record FieldViolation(String field, String rule, String message) {
    }

    public static List<FieldViolation> check(ConnectionInput in, LocalDate today) {
        List<FieldViolation> v = new ArrayList<>();
        if (blank(in.siret())) {
            v.add(new FieldViolation("siret", "siret.required", "Le SIRET est obligatoire."));
        } else if (!Siret.isValid(in.siret())) {
            v.add(new FieldViolation("siret", "siret.invalid", "Le SIRET « " + in.siret()
                    + " » n'est pas valide (14 chiffres, clé de Luhn)."));
        }
        if (blank(in.apeCode())) {
            v.add(new FieldViolation("apeCode", "ape.required", "Le code APE est obligatoire."));
        } else if (!NafCode.isValid(in.apeCode())) {
            v.add(new FieldViolation("apeCode", "ape.format", "Le code APE « " + in.apeCode()
                    + " » doit s'écrire NN.NNL ou NNNNL (par exemple 62.01Z)."));
        } else if (!NafNomenclature.exists(NafCode.normalize(in.apeCode()))) {
            v.add(new FieldViolation("apeCode", "ape.unknown", "Le code APE « " + in.apeCode()
                    + " » n'existe pas dans la nomenclature NAF rév. 2."));
        }
        if (blank(in.iban())) {
            v.add(new FieldViolation("iban", "iban.required", "L'IBAN est obligatoire."));
        } else if (!Iban.isValid(in.iban())) {
            v.add(new FieldViolation("iban", "iban.invalid", "L'IBAN " + Iban.mask(in.iban())
                    + " n'est pas valide (clé ISO 13616 ou longueur incorrecte)."));
        }
        if (blank(in.legalName())) {
            v.add(new FieldViolation("legalName", "legal-name.required",
                    "La raison sociale est obligatoire."));
        }
        tooLong(v, "legalName", in.legalName(), 200);
        tooLong(v, "representative.firstName", in.representativeFirstName(), 100);
        tooLong(v, "representative.lastName", in.representativeLastName(), 100);
        tooLong(v, "representative.email", in.representativeEmail(), 254);
        tooLong(v, "representative.phone", in.representativePhone(), 30);
        if (in.companyCreatedOn() != null && in.companyCreatedOn().isAfter(today)) {
            v.add(new FieldViolation("companyCreatedOn", "company-created-on.future",
                    "La date de création de l'entreprise est dans le futur."));
        }
        if (blank(in.representativeFirstName())) {
            v.add(new FieldViolation("representative.firstName", "representative.required",
                    "Le prénom du représentant légal est obligatoire."));
        }
        if (blank(in.representativeLastName())) {
            v.add(new FieldViolation("representative.lastName", "representative.required",
                    "Le nom du représentant légal est obligatoire."));
        }
        if (blank(in.representativeEmail()) || !EMAIL.matcher(in.representativeEmail()).matches()) {
            v.add(new FieldViolation("representative.email", "representative.email-invalid",
                    "L'email professionnel du représentant légal est absent ou invalide."));
        }
        if (!blank(in.representativePhone()) && !PHONE.matcher(in.representativePhone()).matches()) {
            v.add(new FieldViolation("representative.phone", "representative.phone-invalid",
                    "Le téléphone du représentant légal n'est pas valide."));
        }
        return v;
    }

    /** A normalised copy: identifiers without spaces, APE as NN.NNL, IBAN upper-case. */
    public static ConnectionInput normalize(ConnectionInput in) {
        return new ConnectionInput(
                in.siret() == null ? null : Siret.normalize(in.siret()),
                in.legalName() == null ? null : in.legalName().trim(),
                in.apeCode() == null ? null : NafCode.normalize(in.apeCode().trim()),
                in.iban() == null ? null : Iban.normalize(in.iban()),
                in.companyCreatedOn(),
                trim(in.representativeFirstName()), trim(in.representativeLastName()),
                trim(in.representativeEmail()), trim(in.representativePhone()), in.consent());
    }

    private static void tooLong(List<FieldViolation> v, String field, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(new FieldViolation(field, "too-long", "Le champ " + field + " dépasse " + max
                    + " caractères."));
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
