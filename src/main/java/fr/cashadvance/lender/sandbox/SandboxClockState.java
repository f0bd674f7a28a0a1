package fr.cashadvance.lender.sandbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single persisted row holding how far sandbox time runs ahead of real time. */
@Entity
@Table(name = "sandbox_clock")
class SandboxClockState {

    static final int SINGLE_ROW = 1;

    @Id
    private int id;

    private long offsetMillis;

    protected SandboxClockState() {
    }

    SandboxClockState(long offsetMillis) {
        this.id = SINGLE_ROW;
        this.offsetMillis = offsetMillis;
    }

    long getOffsetMillis() {
        return offsetMillis;
    }

    void addMillis(long millis) {
        offsetMillis = Math.addExact(offsetMillis, millis);
    }
}
