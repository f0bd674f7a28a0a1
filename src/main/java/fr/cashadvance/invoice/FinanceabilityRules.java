package fr.cashadvance.invoice;

import fr.cashadvance.business.Business;
import fr.cashadvance.financing.rules.Violation;
import fr.cashadvance.identifiers.Siren;
import fr.cashadvance.identifiers.VatNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether an invoice can back a cash advance (DOMAIN §5). Every broken rule is reported, so the
 * business can fix them all at once.
 */
public final class FinanceabilityRules {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("200000.00");

    /** France with its overseas departments, and the neighbouring markets the lender serves. */
    static final Set<String> ELIGIBLE_BUYER_COUNTRIES =
            Set.of("FR", "GP", "MQ", "GF", "RE", "YT", "BE", "DE", "ES", "NL");

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FinanceabilityRules() {
    }

    public static List<Violation> check(Invoice invoice, Business business, boolean alreadyFinanced,
                                        LocalDate today) {
        List<Violation> v = new ArrayList<>();

        switch (business.getConnectionStatus()) {
            case CONNECTED -> { }
            case BLOCKED -> v.add(new Violation("business.blocked", "Le prêteur a bloqué la "
                    + "connexion de l'entreprise" + (business.getStatusReason() == null ? ""
                    : " : " + business.getStatusReason()) + ". Aucune nouvelle demande possible."));
            case DISCONNECTED -> v.add(new Violation("business.not-connected",
                    "L'entreprise n'est pas connectée au prêteur ; reconnectez-la pour demander "
                    + "une avance."));
        }
        if (invoice.getState() != InvoiceState.ISSUED) {
            v.add(new Violation("invoice.not-issued",
                    "La facture doit être éditée avant de pouvoir être financée."));
        }
        if (!"380".equals(invoice.getTypeCode())) {
            v.add(new Violation("invoice.not-an-invoice", "Seule une facture (type 380) peut être "
                    + "financée ; ce document est de type " + invoice.getTypeCode()
                    + " (avoir ou facture rectificative)."));
        }
        checkTotals(invoice, v);
        if (!"EUR".equals(invoice.getCurrency())) {
            v.add(new Violation("invoice.currency-not-eur", "La facture doit être en euros (EUR), "
                    + "pas en " + invoice.getCurrency() + "."));
        }
        if (invoice.amountOwed().compareTo(MAX_AMOUNT) > 0) {
            v.add(new Violation("invoice.amount-over-maximum", "Le montant restant dû ("
                    + invoice.amountOwed() + " €) dépasse le maximum finançable de 200 000 €."));
        }
        checkBuyer(invoice, v);
        checkDates(invoice, business, today, v);
        if (alreadyFinanced) {
            v.add(new Violation("invoice.already-financed",
                    "Cette facture est déjà financée ou en cours de financement."));
        }
        return v;
    }

    private static void checkTotals(Invoice invoice, List<Violation> v) {
        BigDecimal ht = invoice.getTotalHt();
        BigDecimal vat = invoice.getTotalVat();
        BigDecimal ttc = invoice.getTotalTtc();
        if (ht.signum() <= 0 || ttc.signum() <= 0 || vat.signum() < 0) {
            v.add(new Violation("invoice.totals-not-positive", "Les totaux de la facture doivent "
                    + "être positifs (HT " + ht + ", TVA " + vat + ", TTC " + ttc + ")."));
        } else if (ht.add(vat).compareTo(ttc) != 0) {
            v.add(new Violation("invoice.totals-inconsistent", "Les totaux ne concordent pas : HT "
                    + ht + " + TVA " + vat + " ≠ TTC " + ttc + "."));
        }
        BigDecimal prepaid = invoice.getPrepaidAmount();
        if (prepaid.signum() < 0 || (ttc.signum() > 0 && prepaid.compareTo(ttc) >= 0)) {
            v.add(new Violation("invoice.nothing-owed", "L'acompte déjà versé (" + prepaid
                    + " €) ne laisse rien à financer sur un total TTC de " + ttc + " €."));
        }
    }

    private static void checkBuyer(Invoice invoice, List<Violation> v) {
        String country = invoice.getBuyerCountry();
        if (country == null || !ELIGIBLE_BUYER_COUNTRIES.contains(country)) {
            v.add(new Violation("buyer.country-not-eligible", "Le client doit être une entreprise "
                    + "établie en France (DOM compris), Belgique, Allemagne, Espagne ou aux "
                    + "Pays-Bas ; pays indiqué : " + country + "."));
        }
        String siren = invoice.getBuyerSiren();
        String vat = invoice.getBuyerVatNumber();
        if (isBlank(siren) && isBlank(vat)) {
            v.add(new Violation("buyer.not-identified", "Le client doit être identifié par un "
                    + "SIREN ou un numéro de TVA intracommunautaire."));
        }
        if (!isBlank(siren) && !Siren.isValid(siren)) {
            v.add(new Violation("buyer.siren-invalid", "Le SIREN du client (" + siren
                    + ") n'est pas valide (9 chiffres, clé de Luhn)."));
        }
        if (!isBlank(vat) && !VatNumber.isValid(vat)) {
            v.add(new Violation("buyer.vat-number-invalid", "Le numéro de TVA du client (" + vat
                    + ") n'est pas valide."));
        }
    }

    private static void checkDates(Invoice invoice, Business business, LocalDate today,
                                   List<Violation> v) {
        LocalDate issued = invoice.getIssueDate();
        if (issued.isAfter(today)) {
            v.add(new Violation("invoice.issue-date-in-future", "La date d'émission ("
                    + FR_DATE.format(issued) + ") est dans le futur."));
        }
        if (!issued.isAfter(today.minusMonths(3))) {
            v.add(new Violation("invoice.too-old", "La facture doit avoir été émise il y a moins "
                    + "de 3 mois (émise le " + FR_DATE.format(issued) + ")."));
        }
        LocalDate connectedOn = business.connectedOn();
        if (connectedOn != null && issued.isBefore(connectedOn)) {
            v.add(new Violation("invoice.issued-before-connection", "La facture a été émise le "
                    + FR_DATE.format(issued) + ", avant la connexion au prêteur le "
                    + FR_DATE.format(connectedOn) + "."));
        }
        LocalDate due = invoice.getDueDate();
        if (due != null && due.isBefore(today)) {
            v.add(new Violation("invoice.overdue", "La facture est échue depuis le "
                    + FR_DATE.format(due) + "."));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
