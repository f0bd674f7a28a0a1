package fr.cashadvance.lender.sandbox;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A company registered with the sandbox lender, keyed by its SIRET. Its credit line and status
 * live on {@link SandboxCreditLine}, keyed by SIREN, like every other line.
 */
@Entity
@Table(name = "sandbox_borrower")
class SandboxBorrower {

    @Id
    private String id;

    private String identifier;
    private String identifierType;
    private String siren;
    private String legalName;
    private String apeCode;
    private LocalDate companyCreatedOn;
    private String accountNumber;
    private String representativeFirstName;
    private String representativeLastName;
    private String representativeEmail;
    private String representativePhone;

    /** Reason codes of the last zero limit the credit policy gave; empty when it gave more. */
    @Convert(converter = StringListJsonConverter.class)
    private List<String> limitReasons = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "borrower_id", nullable = false)
    @OrderColumn(name = "line_no", nullable = false)
    private List<SandboxBankAccount> bankAccounts = new ArrayList<>();

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    protected SandboxBorrower() {
    }

    SandboxBorrower(String siret, Instant now) {
        this.id = "bor_" + UUID.randomUUID().toString().replace("-", "");
        this.identifier = siret;
        this.identifierType = "siret";
        this.siren = siret.substring(0, 9);
        // The database keeps microseconds: the first answer must match later reads.
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Takes the registration's data; the bank accounts replace those shared before. */
    void update(SandboxApi.BorrowerRequest request, List<SandboxBankAccount> accounts,
                Instant now) {
        legalName = request.legalName().strip();
        apeCode = request.apeCode() == null || request.apeCode().isBlank()
                ? null : request.apeCode().strip().toUpperCase(Locale.ROOT);
        companyCreatedOn = request.companyCreatedOn();
        accountNumber = SandboxScenarios.normalizeIban(request.accountNumber());
        var representative = request.representative();
        representativeFirstName = representative.firstName();
        representativeLastName = representative.lastName();
        representativeEmail = representative.email().strip();
        representativePhone = representative.phone();
        bankAccounts.clear();
        bankAccounts.addAll(accounts);
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    void useLimitReasons(List<SandboxEligibilityReason> reasons) {
        limitReasons = new ArrayList<>(reasons.stream().map(Enum::name).toList());
    }

    String getId() {
        return id;
    }

    String getIdentifier() {
        return identifier;
    }

    String getIdentifierType() {
        return identifierType;
    }

    String getSiren() {
        return siren;
    }

    String getLegalName() {
        return legalName;
    }

    String getApeCode() {
        return apeCode;
    }

    LocalDate getCompanyCreatedOn() {
        return companyCreatedOn;
    }

    String getAccountNumber() {
        return accountNumber;
    }

    List<SandboxEligibilityReason> getLimitReasons() {
        return limitReasons.stream().map(SandboxEligibilityReason::valueOf).toList();
    }

    List<SandboxBankAccount> getBankAccounts() {
        return List.copyOf(bankAccounts);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
