package fr.cashadvance.financing;

import java.time.LocalDate;

/** Body of the financing requests that may carry a repayment date (Europe/Paris calendar date). */
public record RepaymentDateRequest(LocalDate repaymentDate) {
}
