package fr.cashadvance.accounting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Chart-of-accounts numbers used by the entries; French PCG defaults. */
@ConfigurationProperties("accounting")
public record AccountingProperties(
        @DefaultValue("OD") String journal,
        @DefaultValue("512000") String bankAccount,
        @DefaultValue("Banque") String bankLabel,
        @DefaultValue("519100") String advanceAccount,
        @DefaultValue("Crédit de mobilisation de créances commerciales") String advanceLabel) {
}
