package fr.cashadvance.mail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the validation email says, once the lender has accepted a financing.
 *
 * @param dailyRatePercent the lender's daily rate in percent, e.g. {@code 0.07} for 0.07 % a day
 * @param maskedIban the receiving IBAN, already masked by the caller (all but the last 4); an
 *     unmasked IBAN is masked again by {@link ValidationEmail}
 */
public record ValidationEmailContent(
        String businessName,
        String invoiceNumber,
        String buyerName,
        BigDecimal amount,
        BigDecimal feesEstimated,
        BigDecimal dailyRatePercent,
        LocalDate repaymentDate,
        OffsetDateTime validateBefore,
        String validateUrl,
        String cancelUrl,
        String maskedIban) {

    public ValidationEmailContent {
        Objects.requireNonNull(businessName, "businessName");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(buyerName, "buyerName");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(feesEstimated, "feesEstimated");
        Objects.requireNonNull(dailyRatePercent, "dailyRatePercent");
        Objects.requireNonNull(repaymentDate, "repaymentDate");
        Objects.requireNonNull(validateBefore, "validateBefore");
        Objects.requireNonNull(validateUrl, "validateUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        Objects.requireNonNull(maskedIban, "maskedIban");
    }
}
