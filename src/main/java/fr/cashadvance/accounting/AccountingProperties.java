package fr.cashadvance.accounting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Chart-of-accounts numbers used by the entries; French PCG defaults. */
@ConfigurationProperties("accounting")
public record AccountingProperties(
        @DefaultValue("OD") String journal,
        @DefaultValue("Opérations diverses") String journalLabel,
        @DefaultValue("512000") String bankAccount,
        @DefaultValue("Banque") String bankLabel,
        @DefaultValue("519100") String advanceAccount,
        @DefaultValue("Crédit de mobilisation de créances commerciales") String advanceLabel,
        @DefaultValue("661600") String feesAccount,
        @DefaultValue("Intérêts bancaires et sur opérations de financement") String feesLabel,
        @DefaultValue("401") String supplierAccount,
        @DefaultValue("Fournisseurs") String supplierLabel,
        @DefaultValue("401DEF") String lenderAccount,
        @DefaultValue("Fournisseur — prêteur") String lenderLabel) {

    /** The defaults, for code and tests without Spring. */
    public static AccountingProperties defaults() {
        return new AccountingProperties("OD", "Opérations diverses", "512000", "Banque",
                "519100", "Crédit de mobilisation de créances commerciales", "661600",
                "Intérêts bancaires et sur opérations de financement", "401", "Fournisseurs",
                "401DEF", "Fournisseur — prêteur");
    }
}
