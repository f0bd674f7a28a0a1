package fr.cashadvance.financing.rules;

import java.util.Objects;

/**
 * One broken business rule: {@code rule} is a stable code for programs and problem details
 * (e.g. {@code repayment-date.too-early}); {@code message} is a French sentence for the
 * business that says what would be accepted.
 */
public record Violation(String rule, String message) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
