package fr.cashadvance.business;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A business connected (or once connected) to the lender. */
@Entity
@Table(name = "business")
public class Business {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Id
    private String id;

    private String name;
    private String siren;
    private String siret;
    private String vatNumber;
    private String apeCode;
    private String iban;
    private String representativeFirstName;
    private String representativeLastName;
    private String representativeEmail;
    private String representativePhone;

    @Enumerated(EnumType.STRING)
    private ConnectionStatus connectionStatus;

    private Instant connectedAt;

    @Column(precision = 19, scale = 2)
    private BigDecimal creditLimit;

    @Column(precision = 9, scale = 6)
    private BigDecimal feesDailyRate;

    private String lenderBorrowerId;
    private java.time.LocalDate companyCreatedOn;
    private String statusReason;
    private Instant disconnectedAt;

    @Version
    private Long version;

    protected Business() {
    }

    public Business(String id, String name, String siren, String siret, String vatNumber,
                    String iban, String representativeEmail) {
        this.id = id;
        this.name = name;
        this.siren = siren;
        this.siret = siret;
        this.vatNumber = vatNumber;
        this.iban = iban;
        this.representativeEmail = representativeEmail;
        this.connectionStatus = ConnectionStatus.DISCONNECTED;
        this.creditLimit = BigDecimal.ZERO.setScale(2);
        this.feesDailyRate = BigDecimal.ZERO;
    }

    public void connect(Instant at, BigDecimal creditLimit, BigDecimal feesDailyRate) {
        this.connectionStatus = ConnectionStatus.CONNECTED;
        this.connectedAt = at;
        this.statusReason = null;
        this.disconnectedAt = null;
        this.creditLimit = creditLimit;
        this.feesDailyRate = feesDailyRate;
    }

    /** New or returning business: identity as given in its latest connection request. */
    public void describe(String name, String siret, String vatNumber, String apeCode,
                         String iban, java.time.LocalDate companyCreatedOn) {
        this.name = name;
        this.siret = siret;
        this.vatNumber = vatNumber;
        this.apeCode = apeCode;
        this.iban = iban;
        this.companyCreatedOn = companyCreatedOn;
    }

    public void setRepresentativeEmail(String email) {
        this.representativeEmail = email;
    }

    public void connectedAs(String lenderBorrowerId) {
        this.lenderBorrowerId = lenderBorrowerId;
    }

    /** The lender's view of the credit line changed: new limit, and blocked or not. */
    public void creditLineChanged(BigDecimal creditLimit, boolean blocked, String reason) {
        this.creditLimit = creditLimit;
        if (blocked && connectionStatus == ConnectionStatus.CONNECTED) {
            this.connectionStatus = ConnectionStatus.BLOCKED;
            this.statusReason = reason;
        } else if (!blocked && connectionStatus == ConnectionStatus.BLOCKED) {
            this.connectionStatus = ConnectionStatus.CONNECTED;
            this.statusReason = null;
        }
    }

    public void disconnect(Instant at) {
        this.connectionStatus = ConnectionStatus.DISCONNECTED;
        this.disconnectedAt = at;
        this.statusReason = "Déconnectée à la demande de l'entreprise";
    }

    public void setRepresentative(String firstName, String lastName, String phone) {
        this.representativeFirstName = firstName;
        this.representativeLastName = lastName;
        this.representativePhone = phone;
    }

    public void setApeCode(String apeCode) {
        this.apeCode = apeCode;
    }

    /** The Paris calendar date of the connection: invoices issued before it are not financeable. */
    public LocalDate connectedOn() {
        return connectedAt == null ? null : connectedAt.atZone(PARIS).toLocalDate();
    }

    public boolean isConnected() {
        return connectionStatus == ConnectionStatus.CONNECTED;
    }

    /** Camunda group (and candidate group of the business's tasks). */
    public String camundaGroup() {
        return "business-" + siren;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getSiren() { return siren; }
    public String getSiret() { return siret; }
    public String getVatNumber() { return vatNumber; }
    public String getApeCode() { return apeCode; }
    public String getIban() { return iban; }
    public String getRepresentativeFirstName() { return representativeFirstName; }
    public String getRepresentativeLastName() { return representativeLastName; }
    public String getRepresentativeEmail() { return representativeEmail; }
    public String getRepresentativePhone() { return representativePhone; }
    public ConnectionStatus getConnectionStatus() { return connectionStatus; }
    public Instant getConnectedAt() { return connectedAt; }
    public BigDecimal getCreditLimit() { return creditLimit; }
    public BigDecimal getFeesDailyRate() { return feesDailyRate; }
    public String getLenderBorrowerId() { return lenderBorrowerId; }
    public java.time.LocalDate getCompanyCreatedOn() { return companyCreatedOn; }
    public String getStatusReason() { return statusReason; }
    public Instant getDisconnectedAt() { return disconnectedAt; }
}
