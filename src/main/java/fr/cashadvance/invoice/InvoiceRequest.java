package fr.cashadvance.invoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the platform sends it in JSON. */
public record InvoiceRequest(
        @NotBlank String businessId,
        @NotBlank @Size(max = 100) String number,
        @Pattern(regexp = "\\d{3}", message = "must be a 3-digit UNTDID 1001 code such as 380")
        String typeCode,
        @NotNull LocalDate issueDate,
        LocalDate dueDate,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,
        @NotNull @Digits(integer = 15, fraction = 2) BigDecimal totalHt,
        @NotNull @Digits(integer = 15, fraction = 2) BigDecimal totalVat,
        @NotNull @Digits(integer = 15, fraction = 2) BigDecimal totalTtc,
        @Digits(integer = 15, fraction = 2) BigDecimal prepaidAmount,
        @NotNull @Valid Buyer buyer,
        @Pattern(regexp = "DRAFT|ISSUED", message = "must be DRAFT or ISSUED") String state) {

    public record Buyer(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "\\d{9}", message = "must be 9 digits") String siren,
            @Size(max = 20) String vatNumber,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code")
            String country) {
    }
}
