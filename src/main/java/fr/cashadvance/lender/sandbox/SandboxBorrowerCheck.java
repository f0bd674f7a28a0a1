package fr.cashadvance.lender.sandbox;

import fr.cashadvance.identifiers.Iban;
import fr.cashadvance.identifiers.Siret;
import fr.cashadvance.lender.NewBorrower.Representative;
import fr.cashadvance.lender.sandbox.SandboxApi.BankAccountRequest;
import fr.cashadvance.lender.sandbox.SandboxApi.BorrowerRequest;
import fr.cashadvance.lender.sandbox.SandboxApi.TransactionRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@code POST /borrowers} body and lists every problem at once, so that the caller can
 * fix them all. Messages name the field but never quote an IBAN.
 */
final class SandboxBorrowerCheck {

    static final int MAX_BANK_ACCOUNTS = 20;
    static final int MAX_TRANSACTIONS = 20_000;
    /** 10 billion euros: keeps the sums of a registration far from overflowing a long. */
    static final long MAX_TRANSACTION_CENTS = 1_000_000_000_000L;
    /** Beyond this many problems the list is cut short: the caller has enough to fix. */
    static final int MAX_LISTED = 30;

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String APE = "\\d{2}\\.?\\d{2}[A-Za-z]";

    private SandboxBorrowerCheck() {
    }

    /** @throws SandboxProblem 400 listing every problem, when there is any */
    static void check(BorrowerRequest request, LocalDate today) {
        if (request == null) {
            throw SandboxProblem.badRequest("Corps JSON de l'emprunteur manquant.");
        }
        List<String> problems = problems(request, today);
        if (problems.isEmpty()) {
            return;
        }
        List<String> listed = problems.size() <= MAX_LISTED ? problems
                : new ArrayList<>(problems.subList(0, MAX_LISTED));
        if (listed.size() < problems.size()) {
            listed.add("… et " + (problems.size() - MAX_LISTED) + " autres problèmes");
        }
        throw SandboxProblem.badRequest("Emprunteur refusé : " + String.join(" ; ", listed)
                + ".", listed);
    }

    static List<String> problems(BorrowerRequest request, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (!Siret.isValid(request.identifier())) {
            problems.add("identifier doit être un SIRET valide (14 chiffres, clé de contrôle "
                    + "correcte)");
        }
        if (!"siret".equals(request.identifierType())) {
            problems.add("identifier_type doit valoir « siret »");
        }
        if (isBlank(request.legalName()) || request.legalName().strip().length() > 200) {
            problems.add("legal_name est obligatoire (200 caractères au plus)");
        }
        if (!isBlank(request.apeCode()) && !request.apeCode().strip().matches(APE)) {
            problems.add("ape_code doit avoir la forme NN.NNL ou NNNNL (par exemple 62.01Z)");
        }
        if (request.companyCreatedOn() != null && request.companyCreatedOn().isAfter(today)) {
            problems.add("company_created_on ne peut pas être postérieure à aujourd'hui ("
                    + today + ")");
        }
        if (!Iban.isValid(request.accountNumber())) {
            problems.add("account_number doit être un IBAN valide");
        }
        checkRepresentative(request.representative(), problems);
        checkBankAccounts(request.bankAccounts(), problems);
        return problems;
    }

    private static void checkRepresentative(Representative representative,
                                            List<String> problems) {
        if (representative == null) {
            problems.add("representative (first_name, last_name, email, phone) est obligatoire");
            return;
        }
        if (isBlank(representative.email())) {
            problems.add("representative.email est obligatoire");
        } else if (!representative.email().strip().matches(EMAIL)
                || representative.email().strip().length() > 254) {
            problems.add("representative.email doit être une adresse email valide");
        }
        if (tooLong(representative.firstName(), 100)) {
            problems.add("representative.first_name : 100 caractères au plus");
        }
        if (tooLong(representative.lastName(), 100)) {
            problems.add("representative.last_name : 100 caractères au plus");
        }
        if (tooLong(representative.phone(), 30)) {
            problems.add("representative.phone : 30 caractères au plus");
        }
    }

    private static void checkBankAccounts(List<BankAccountRequest> accounts,
                                          List<String> problems) {
        if (accounts == null) {
            return;
        }
        if (accounts.size() > MAX_BANK_ACCOUNTS) {
            problems.add("bank_accounts : " + MAX_BANK_ACCOUNTS + " comptes au plus");
            return;
        }
        int transactions = 0;
        for (int i = 0; i < accounts.size(); i++) {
            BankAccountRequest account = accounts.get(i);
            String at = "bank_accounts[" + i + "]";
            if (account == null) {
                problems.add(at + " ne peut pas être vide");
                continue;
            }
            if (!Iban.isValid(account.iban())) {
                problems.add(at + ".iban doit être un IBAN valide");
            }
            if (tooLong(account.bankName(), 200)) {
                problems.add(at + ".bank_name : 200 caractères au plus");
            }
            List<TransactionRequest> lines = account.transactions();
            if (lines == null) {
                continue;
            }
            transactions += lines.size();
            for (int j = 0; j < lines.size(); j++) {
                checkTransaction(lines.get(j), at + ".transactions[" + j + "]", problems);
            }
        }
        if (transactions > MAX_TRANSACTIONS) {
            problems.add("bank_accounts : " + MAX_TRANSACTIONS + " transactions au plus en tout");
        }
    }

    private static void checkTransaction(TransactionRequest transaction, String at,
                                         List<String> problems) {
        if (transaction == null) {
            problems.add(at + " ne peut pas être vide");
            return;
        }
        if (transaction.date() == null) {
            problems.add(at + ".date (AAAA-MM-JJ) est obligatoire");
        }
        if (transaction.amount() == null) {
            problems.add(at + ".amount (centimes, positif en crédit, négatif en débit) est "
                    + "obligatoire");
        } else if (transaction.amount() > MAX_TRANSACTION_CENTS
                || transaction.amount() < -MAX_TRANSACTION_CENTS) {
            problems.add(at + ".amount dépasse 10 milliards d'euros");
        }
        if (tooLong(transaction.label(), 500)) {
            problems.add(at + ".label : 500 caractères au plus");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }
}
