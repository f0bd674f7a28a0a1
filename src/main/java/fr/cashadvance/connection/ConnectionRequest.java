package fr.cashadvance.connection;

import fr.cashadvance.common.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One request to connect a business to the lender, and how it ended. */
@Entity
@Table(name = "connection_request")
public class ConnectionRequest extends AssignedIdEntity {

    @Id
    private String id;

    private String businessId;
    private String siret;
    private String siren;
    private String legalName;
    private String apeCode;
    private String iban;
    private LocalDate companyCreatedOn;
    private String representativeFirstName;
    private String representativeLastName;
    private String representativeEmail;
    private String representativePhone;
    private boolean consent;

    @Enumerated(EnumType.STRING)
    private ConnectionRequestStatus status;

    private String reason;

    @Column(precision = 19, scale = 2)
    private BigDecimal creditLimit;

    private String processInstanceId;
    private String pendingSiren;
    private String requestedBy;
    private Instant createdAt;
    private Instant decidedAt;

    protected ConnectionRequest() {
    }

    public ConnectionRequest(String id, ConnectionInput in, String requestedBy, Instant now) {
        this.id = id;
        this.siret = in.siret();
        this.siren = in.siret().substring(0, 9);
        this.legalName = in.legalName();
        this.apeCode = in.apeCode();
        this.iban = in.iban();
        this.companyCreatedOn = in.companyCreatedOn();
        this.representativeFirstName = in.representativeFirstName();
        this.representativeLastName = in.representativeLastName();
        this.representativeEmail = in.representativeEmail();
        this.representativePhone = in.representativePhone();
        this.consent = in.consent();
        this.status = ConnectionRequestStatus.PENDING;
        // Unique while pending: a second request for the company fails at insert.
        this.pendingSiren = this.siren;
        this.requestedBy = requestedBy;
        this.createdAt = now;
    }

    void decide(ConnectionRequestStatus outcome, String reason, Instant at) {
        this.status = outcome;
        this.reason = reason;
        this.decidedAt = at;
        this.pendingSiren = null;
    }

    void connected(String businessId, BigDecimal creditLimit, String note, Instant at) {
        this.businessId = businessId;
        this.creditLimit = creditLimit;
        decide(ConnectionRequestStatus.CONNECTED, note, at);
    }

    void processInstanceId(String pid) {
        this.processInstanceId = pid;
    }

    public ConnectionInput input() {
        return new ConnectionInput(siret, legalName, apeCode, iban, companyCreatedOn,
                representativeFirstName, representativeLastName, representativeEmail,
                representativePhone, consent);
    }

    @Override
    public String getId() { return id; }
    public String getBusinessId() { return businessId; }
    public String getSiret() { return siret; }
    public String getSiren() { return siren; }
    public String getLegalName() { return legalName; }
    public String getApeCode() { return apeCode; }
    public String getIban() { return iban; }
    public LocalDate getCompanyCreatedOn() { return companyCreatedOn; }
    public boolean isConsent() { return consent; }
    public ConnectionRequestStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public BigDecimal getCreditLimit() { return creditLimit; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDecidedAt() { return decidedAt; }
}
