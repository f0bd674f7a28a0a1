package fr.cashadvance.lender.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.lender.NewBorrower.Representative;
import fr.cashadvance.lender.sandbox.SandboxApi.BankAccountRequest;
import fr.cashadvance.lender.sandbox.SandboxApi.BorrowerRequest;
import fr.cashadvance.lender.sandbox.SandboxApi.TransactionRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxBorrowerCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String IBAN = "FR8811111015593603018280926";
    private static final Representative ALICE =
            new Representative("Alice", "Martin", "alice@au-bon-moulin.fr", "+33 1 23 45 67 89");

    private static BorrowerRequest request(String siret, String iban, Representative rep,
                                           List<BankAccountRequest> accounts) {
        return new BorrowerRequest(siret, "siret", "Au bon moulin", "10.71C",
                LocalDate.of(2012, 4, 2), iban, rep, accounts);
    }

    @Test
    void aCompleteRequestHasNoProblem() {
        BankAccountRequest account = new BankAccountRequest(IBAN, "Banque",
                List.of(new TransactionRequest(LocalDate.of(2026, 2, 3), 120_000L, "VIR")));

        assertThat(SandboxBorrowerCheck.problems(
                request("99999999800019", IBAN, ALICE, List.of(account)), TODAY)).isEmpty();
        // La Poste establishments follow their own rule (digit sum a multiple of 5).
        assertThat(SandboxBorrowerCheck.problems(
                request("35600000000048", IBAN, ALICE, List.of()), TODAY)).isEmpty();
        assertThat(SandboxBorrowerCheck.problems(
                request("35600000012346", IBAN, ALICE, List.of()), TODAY)).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsField() {
        BankAccountRequest badAccount = new BankAccountRequest("FR0011111015593603018280926",
                null, List.of(new TransactionRequest(null, null, "?")));
        BorrowerRequest request = new BorrowerRequest("99999999800018", "siren", " ", "6201",
                TODAY.plusDays(1), "FR88 1111", new Representative("A", "B", " ", null),
                List.of(badAccount));

        List<String> problems = SandboxBorrowerCheck.problems(request, TODAY);

        assertThat(problems).hasSize(10);
        assertThat(String.join("\n", problems)).contains("identifier doit", "identifier_type",
                "legal_name", "ape_code", "company_created_on", "account_number",
                "representative.email", "bank_accounts[0].iban",
                "bank_accounts[0].transactions[0].date",
                "bank_accounts[0].transactions[0].amount")
                .doesNotContain("FR0011111015593603018280926");
    }

    @Test
    void theProblemCarriesEveryEntryUpToALimit() {
        List<TransactionRequest> undated = new ArrayList<>(
                Collections.nCopies(40, new TransactionRequest(null, 1L, null)));
        BorrowerRequest request = request("99999999800019", IBAN, ALICE,
                List.of(new BankAccountRequest(IBAN, null, undated)));

        assertThatThrownBy(() -> SandboxBorrowerCheck.check(request, TODAY))
                .isInstanceOfSatisfying(SandboxProblem.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.errors()).hasSize(SandboxBorrowerCheck.MAX_LISTED + 1)
                            .last().asString().contains("10 autres");
                });
    }

    @Test
    void amountsBeyondTenBillionEurosAreRefusedEvenTheMostNegative() {
        BorrowerRequest request = request("99999999800019", IBAN, ALICE, List.of(
                new BankAccountRequest(IBAN, null, List.of(
                        new TransactionRequest(TODAY, Long.MIN_VALUE, null),
                        new TransactionRequest(TODAY, 1_000_000_000_001L, null)))));

        assertThat(SandboxBorrowerCheck.problems(request, TODAY)).hasSize(2)
                .allMatch(problem -> problem.contains("10 milliards"));
    }
}
