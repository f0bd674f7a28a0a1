package fr.cashadvance.lender.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** One transaction of a shared bank account; amount in cents, positive in, negative out. */
@Embeddable
class SandboxTransaction {

    @Column(name = "booked_on", nullable = false)
    private LocalDate bookedOn;

    @Column(nullable = false)
    private long amount;

    private String label;

    protected SandboxTransaction() {
    }

    SandboxTransaction(LocalDate bookedOn, long amount, String label) {
        this.bookedOn = bookedOn;
        this.amount = amount;
        this.label = label;
    }

    LocalDate getBookedOn() {
        return bookedOn;
    }

    long getAmount() {
        return amount;
    }

    String getLabel() {
        return label;
    }
}
