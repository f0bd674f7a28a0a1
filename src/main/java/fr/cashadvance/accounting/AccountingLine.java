package fr.cashadvance.accounting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "accounting_line")
public class AccountingLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id")
    private String entryId;
    private int lineNo;
    private String account;
    private String accountLabel;

    @Column(precision = 19, scale = 2)
    private BigDecimal debit;

    @Column(precision = 19, scale = 2)
    private BigDecimal credit;

    /** Third-party sub-account (FEC CompAuxNum), e.g. the lender's; null if none. */
    private String auxAccount;
    private String auxLabel;

    protected AccountingLine() {
    }

    AccountingLine(String entryId, int lineNo, String account, String accountLabel,
                   BigDecimal debit, BigDecimal credit, String auxAccount, String auxLabel) {
        this.entryId = entryId;
        this.lineNo = lineNo;
        this.account = account;
        this.accountLabel = accountLabel;
        this.debit = debit;
        this.credit = credit;
        this.auxAccount = auxAccount;
        this.auxLabel = auxLabel;
    }

    public int getLineNo() { return lineNo; }
    public String getAccount() { return account; }
    public String getAccountLabel() { return accountLabel; }
    public BigDecimal getDebit() { return debit; }
    public BigDecimal getCredit() { return credit; }
    public String getAuxAccount() { return auxAccount; }
    public String getAuxLabel() { return auxLabel; }
}
