package fr.cashadvance.financing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One status change of a financing, with when, why and who. */
@Entity
@Table(name = "financing_event")
public class FinancingEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String financingId;

    @Enumerated(EnumType.STRING)
    private FinancingStatus status;

    private Instant at;
    private String cause;
    private String actor;

    protected FinancingEvent() {
    }

    public FinancingEvent(String financingId, FinancingStatus status, Instant at, String cause,
                          String actor) {
        this.financingId = financingId;
        this.status = status;
        this.at = at;
        this.cause = cause;
        this.actor = actor;
    }

    public Long getId() { return id; }
    public String getFinancingId() { return financingId; }
    public FinancingStatus getStatus() { return status; }
    public Instant getAt() { return at; }
    public String getCause() { return cause; }
    public String getActor() { return actor; }
}
