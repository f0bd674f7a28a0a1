package fr.cashadvance.invoice;

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

@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private String id;

    private String businessId;
    private String number;
    private String typeCode;

    @Enumerated(EnumType.STRING)
    private InvoiceState state;

    private LocalDate issueDate;
    private LocalDate dueDate;
    private String currency;

    @Column(precision = 19, scale = 2)
    private BigDecimal totalHt;

    @Column(precision = 19, scale = 2)
    private BigDecimal totalVat;

    @Column(precision = 19, scale = 2)
    private BigDecimal totalTtc;

    @Column(precision = 19, scale = 2)
    private BigDecimal prepaidAmount;

    private String sellerName;
    private String sellerSiren;
    private String sellerVatNumber;
    private String buyerName;
    private String buyerSiren;
    private String buyerVatNumber;
    private String buyerCountry;

    @Enumerated(EnumType.STRING)
    private InvoiceSource source;

    private String sourceProfile;
    private boolean locked;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    protected Invoice() {
    }

    public Invoice(String id, String businessId, InvoiceSource source, Instant now) {
        this.id = id;
        this.businessId = businessId;
        this.source = source;
        this.state = InvoiceState.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces the invoice's content; callers check it is still a draft and unlocked. */
    public void describe(InvoiceContent c, Instant now) {
        this.number = c.number();
        this.typeCode = c.typeCode();
        this.issueDate = c.issueDate();
        this.dueDate = c.dueDate();
        this.currency = c.currency();
        this.totalHt = c.totalHt();
        this.totalVat = c.totalVat();
        this.totalTtc = c.totalTtc();
        this.prepaidAmount = c.prepaidAmount();
        this.sellerName = c.sellerName();
        this.sellerSiren = c.sellerSiren();
        this.sellerVatNumber = c.sellerVatNumber();
        this.buyerName = c.buyerName();
        this.buyerSiren = c.buyerSiren();
        this.buyerVatNumber = c.buyerVatNumber();
        this.buyerCountry = c.buyerCountry();
        this.sourceProfile = c.sourceProfile();
        this.updatedAt = now;
    }

    public void issue(Instant now) {
        this.state = InvoiceState.ISSUED;
        this.updatedAt = now;
    }

    public void lock(Instant now) {
        this.locked = true;
        this.updatedAt = now;
    }

    public void unlock(Instant now) {
        this.locked = false;
        this.updatedAt = now;
    }

    /** What the client still owes: the total including VAT less what was already paid. */
    public BigDecimal amountOwed() {
        return totalTtc.subtract(prepaidAmount);
    }

    public InvoiceContent content() {
        return new InvoiceContent(number, typeCode, issueDate, dueDate, currency, totalHt, totalVat,
                totalTtc, prepaidAmount, sellerName, sellerSiren, sellerVatNumber, buyerName,
                buyerSiren, buyerVatNumber, buyerCountry, sourceProfile);
    }

    public String getId() { return id; }
    public String getBusinessId() { return businessId; }
    public String getNumber() { return number; }
    public String getTypeCode() { return typeCode; }
    public InvoiceState getState() { return state; }
    public LocalDate getIssueDate() { return issueDate; }
    public LocalDate getDueDate() { return dueDate; }
    public String getCurrency() { return currency; }
    public BigDecimal getTotalHt() { return totalHt; }
    public BigDecimal getTotalVat() { return totalVat; }
    public BigDecimal getTotalTtc() { return totalTtc; }
    public BigDecimal getPrepaidAmount() { return prepaidAmount; }
    public String getSellerName() { return sellerName; }
    public String getSellerSiren() { return sellerSiren; }
    public String getSellerVatNumber() { return sellerVatNumber; }
    public String getBuyerName() { return buyerName; }
    public String getBuyerSiren() { return buyerSiren; }
    public String getBuyerVatNumber() { return buyerVatNumber; }
    public String getBuyerCountry() { return buyerCountry; }
    public InvoiceSource getSource() { return source; }
    public String getSourceProfile() { return sourceProfile; }
    public boolean isLocked() { return locked; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
