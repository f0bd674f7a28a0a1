package fr.cashadvance.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.common.Money;
import fr.cashadvance.identifiers.Iban;
import fr.cashadvance.lender.NewBorrower;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bank accounts reconciliation knows for a company; shared with the lender only on consent. */
@Service
public class BankAccountService {

    private final BankAccountRepository accounts;
    private final ObjectMapper json;
    private final Clock clock;

    public BankAccountService(BankAccountRepository accounts, ObjectMapper json, Clock clock) {
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    /** From the API: refused as a whole when a SIREN, IBAN or transaction is malformed. */
    @Transactional
    public void replaceChecked(String siren, List<ConnectionBody.Account> given) {
        if (siren == null || !fr.cashadvance.identifiers.Siren.isValid(siren)) {
            throw new fr.cashadvance.web.ApiProblem(org.springframework.http.HttpStatus
                    .UNPROCESSABLE_ENTITY, "invalid-siren", "SIREN invalide", "The SIREN '"
                    + siren + "' is not valid (9 digits, Luhn).").with("field", "siren");
        }
        var violations = ConnectionService.checkAccounts(given);
        if (!violations.isEmpty()) {
            throw new fr.cashadvance.web.ApiProblem(org.springframework.http.HttpStatus
                    .UNPROCESSABLE_ENTITY, "invalid-bank-accounts", "Comptes bancaires invalides",
                    "Some accounts or transactions are malformed; nothing was stored.")
                    .with("violations", violations);
        }
        replace(siren, given);
    }

    @Transactional
    public void replace(String siren, List<ConnectionBody.Account> given) {
        Instant now = Instant.now(clock);
        for (ConnectionBody.Account a : given) {
            String iban = Iban.normalize(a.iban());
            BankAccount account = accounts.findBySirenAndIban(siren, iban)
                    .orElseGet(() -> new BankAccount(UUID.randomUUID().toString(), siren, iban));
            List<NewBorrower.Transaction> transactions = a.transactions() == null ? List.of()
                    : a.transactions().stream().map(t -> new NewBorrower.Transaction(t.date(),
                            Money.toCents(t.amount()), t.label())).toList();
            account.update(a.bankName(), write(transactions), now);
            accounts.save(account);
        }
    }

    @Transactional(readOnly = true)
    public List<NewBorrower.BankAccount> forLender(String siren) {
        return accounts.findBySirenOrderByIban(siren).stream()
                .map(a -> new NewBorrower.BankAccount(a.getIban(), a.getBankName(),
                        read(a.getTransactionsJson())))
                .toList();
    }

    @Transactional(readOnly = true)
    public int count(String siren) {
        return accounts.findBySirenOrderByIban(siren).size();
    }

    private String write(List<NewBorrower.Transaction> transactions) {
        try {
            return json.writeValueAsString(transactions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Transactions cannot be written as JSON", e);
        }
    }

    private List<NewBorrower.Transaction> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<NewBorrower.Transaction>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored transactions are not readable", e);
        }
    }
}
