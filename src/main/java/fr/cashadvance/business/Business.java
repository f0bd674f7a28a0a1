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
        this.creditLimit = creditLimit;
        this.feesDailyRate = feesDailyRate;
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
}
