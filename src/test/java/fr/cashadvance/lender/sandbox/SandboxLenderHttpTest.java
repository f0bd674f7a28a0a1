package fr.cashadvance.lender.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.identifiers.Siren;
import fr.cashadvance.identifiers.Siret;
import fr.cashadvance.lender.EligibilityRequest;
import fr.cashadvance.lender.LenderBill;
import fr.cashadvance.lender.LenderBorrower;
import fr.cashadvance.lender.LenderEligibility;
import fr.cashadvance.lender.NewBorrower;
import fr.cashadvance.lender.NewBorrower.BankAccount;
import fr.cashadvance.lender.NewBorrower.Representative;
import fr.cashadvance.lender.NewBorrower.Transaction;
import fr.cashadvance.lender.NewLoan.Borrower;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderCreditLine;
import fr.cashadvance.lender.LenderLoan;
import fr.cashadvance.lender.LenderLoanStatus;
import fr.cashadvance.lender.LenderRejectedException;
import fr.cashadvance.lender.LenderWebhookEvent;
import fr.cashadvance.lender.WebhookSignature;
import fr.cashadvance.lender.WebhookSignature.Verdict;
import fr.cashadvance.lender.NewLoan.LoanTo;
import fr.cashadvance.lender.NewLoan;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The sandbox lender driven through the real {@link LenderClient}, with sandbox time moved by
 * its clock endpoint and webhooks caught by a local endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sandbox;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "demo.enabled=false",
        "lender.base-url=",
        "lender.api-key=it-sandbox-key-0123456789",
        "sandbox-lender.enabled=true",
        "sandbox-lender.api-key=it-sandbox-key-0123456789",
        // Not the demo run: SecretsGuard wants real-looking secrets.
        "lender.webhook-secret=it-webhook-secret-0123456789",
        "sandbox-lender.webhook-secret=it-webhook-secret-0123456789",
        "financing.link-secret=it-link-secret-0123456789",
        "sandbox-lender.evaluation-delay=PT0S",
        "sandbox-lender.transfer-delay=PT4H",
        "sandbox-lender.tick-interval=PT1H",
        "sandbox-lender.default-credit-limit=50000.00",
        "sandbox-lender.fees-daily-rate=0.0007",
        "sandbox-lender.excluded-buyers=552100554",
        "sandbox-lender.webhook-url=http://127.0.0.1:${local.server.port}/test-webhooks"
})
@Import({SandboxLenderHttpTest.PermitAllForThisTest.class, SandboxLenderHttpTest.Webhooks.class})
class SandboxLenderHttpTest {

    private static final String KEY = "it-sandbox-key-0123456789";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String SUCCEEDS = "FR8811111015593603018280926";
    private static final String ONE_DAY_LATE = "FR3711111025593244332331294";
    private static final String FAILS = "FR1311111045594746737398900";
    private static final AtomicInteger BORROWERS = new AtomicInteger(100_000_000);
    /** First 8 digits of the SIRENs of registered companies, apart from BORROWERS'. */
    private static final AtomicInteger COMPANIES = new AtomicInteger(40_000_000);
    private static final Representative ALICE =
            new Representative("Alice", "Martin", "alice@au-bon-moulin.fr", "+33 1 23 45 67 89");

    @Autowired
    private LenderClient lender;

    @Autowired
    private Webhooks webhooks;

    @Autowired
    private SandboxClock sandboxClock;

    @Autowired
    private SandboxClockRepository clockStates;

    @LocalServerPort
    private int port;

    private RestClient sandbox;
    private String borrower;

    @BeforeEach
    void setUp() {
        sandbox = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/sandbox-lender")
                .defaultHeader("Authorization", "Bearer " + KEY)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        // A fresh borrower per test keeps credit lines independent.
        borrower = String.valueOf(BORROWERS.incrementAndGet());
    }

    // ---- creation and evaluation ----------------------------------------------------------

    @Test
    void sameSaltReturnsTheSameLoanWhichIsThenEvaluated() {
        NewLoan request = newLoan(1_000_000, SUCCEEDS, today().plusDays(30));

        LenderLoan first = lender.createLoan(request);
        LenderLoan again = lender.createLoan(request);

        assertThat(first.status()).isEqualTo(LenderLoanStatus.SUBMITTED);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(lender.getLoan(first.id()).status()).isEqualTo(LenderLoanStatus.TO_VALIDATE);
        assertThat(awaitEvent(first.id(), "Loan.TO_VALIDATE").entityState().path("status")
                .asText()).isEqualTo("TO_VALIDATE");
    }

    @Test
    void firstCreationAnswers201AndAReplayAnswers200() {
        NewLoan request = newLoan(50_000, SUCCEEDS, today().plusDays(20));

        ResponseEntity<JsonNode> created = sandbox.post().uri("/loans")
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                .toEntity(JsonNode.class);
        ResponseEntity<JsonNode> replayed = sandbox.post().uri("/loans")
                .contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                .toEntity(JsonNode.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(replayed.getBody().path("id")).isEqualTo(created.getBody().path("id"));
    }

    @Test
    void declinedWhenAmountExceedsAvailableBalance() {
        LenderLoan loan = lender.createLoan(newLoan(5_000_001, SUCCEEDS, today().plusDays(30)));

        LenderLoan evaluated = lender.getLoan(loan.id());

        assertThat(evaluated.status()).isEqualTo(LenderLoanStatus.DECLINED);
        assertThat(evaluated.denialReason()).contains("solde disponible", "50000,00 €");
        awaitEvent(loan.id(), "Loan.DECLINED");
        assertThat(lender.creditLine(borrower).balanceAvailable()).isEqualTo(5_000_000);
    }

    @Test
    void declinedForTheFailingScenarioIban() {
        LenderLoan loan = lender.createLoan(newLoan(100_000, FAILS, today().plusDays(30)));

        LenderLoan evaluated = lender.getLoan(loan.id());

        assertThat(evaluated.status()).isEqualTo(LenderLoanStatus.DECLINED);
        assertThat(evaluated.denialReason()).contains("Compte de versement refusé");
    }

    @Test
    void declinedForAnExcludedBuyer() {
        NewLoan request = newLoan(100_000, SUCCEEDS, today().plusDays(30));
        NewLoan toExcludedBuyer = new NewLoan(request.amount(), "EUR", request.borrower(),
                request.loanTo(), null, request.toRepayAt(), request.invoiceIds(),
                request.saltId(), false, false, "FR40552100554");

        LenderLoan evaluated = lender.getLoan(lender.createLoan(toExcludedBuyer).id());

        assertThat(evaluated.status()).isEqualTo(LenderLoanStatus.DECLINED);
        assertThat(evaluated.denialReason()).contains("552100554");
    }

    @Test
    void declinedForAnotherCurrency() {
        NewLoan request = newLoan(100_000, SUCCEEDS, today().plusDays(30));
        NewLoan inDollars = new NewLoan(request.amount(), "USD", request.borrower(),
                request.loanTo(), null, request.toRepayAt(), request.invoiceIds(),
                request.saltId(), false, false, null);

        assertThat(lender.getLoan(lender.createLoan(inDollars).id()).status())
                .isEqualTo(LenderLoanStatus.DECLINED);
    }

    @Test
    void malformedRequestIsRejectedWithEveryProblem() {
        NewLoan request = new NewLoan(0, "EUR", Borrower.siren("12"), new LoanTo("nope", "X"),
                null, today(), List.of(), " ", false, false, null);

        assertThatThrownBy(() -> lender.createLoan(request))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.lenderMessage()).contains("amount", "borrower",
                            "account_number", "to_repay_at", "invoice_ids", "salt_id");
                });
    }

    // ---- validation and wire --------------------------------------------------------------

    @Test
    void validatedLoanIsWiredOnceTheTransferDelayHasPassed() {
        LenderLoan loan = toValidate(1_000_000, SUCCEEDS, today().plusDays(30));

        LenderLoan validated = lender.validateLoan(loan.id());
        advance(Duration.ofHours(3));
        LenderLoan beforeWire = lender.getLoan(loan.id());
        advance(Duration.ofHours(2));
        LenderLoan wired = lender.getLoan(loan.id());

        assertThat(validated.status()).isEqualTo(LenderLoanStatus.VALIDATED);
        assertThat(beforeWire.status()).isEqualTo(LenderLoanStatus.VALIDATED);
        assertThat(beforeWire.paidAt()).isNull();
        assertThat(wired.status()).isEqualTo(LenderLoanStatus.TO_REPAY);
        assertThat(wired.paidAt()).isNotNull();
        assertThat(wired.feesOngoing()).isEqualTo(700);
        // From the wire's Paris date to the repayment date: 29 or 30 days depending on the hour
        // this runs at (the wire is 5 hours after "today").
        long days = java.time.temporal.ChronoUnit.DAYS.between(
                wired.paidAt().atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate(),
                wired.toRepayAt());
        assertThat(wired.feesEstimated()).isEqualTo(1_000_000L * 7 * days / 10_000);
        assertThat(awaitEvent(loan.id(), "Payment.PAID").entityType()).isEqualTo("Payment");
        awaitEvent(loan.id(), "Loan.TO_REPAY");
    }

    @Test
    void validatingTwiceIsAConflict() {
        LenderLoan loan = toValidate(100_000, SUCCEEDS, today().plusDays(30));
        lender.validateLoan(loan.id());

        assertThatThrownBy(() -> lender.validateLoan(loan.id()))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.lenderMessage()).contains("VALIDATED");
                });
    }

    @Test
    void lateScenarioWiresSeventyTwoHoursAfterValidation() {
        LenderLoan loan = toValidate(100_000, SUCCEEDS, today().plusDays(30));
        lender.validateLoan(loan.id());
        scenario(loan.id(), Map.of("transfer", "LATE"));

        advance(Duration.ofHours(48));
        LenderLoan after48Hours = lender.getLoan(loan.id());
        advance(Duration.ofHours(25));

        assertThat(after48Hours.status()).isEqualTo(LenderLoanStatus.VALIDATED);
        assertThat(lender.getLoan(loan.id()).status()).isEqualTo(LenderLoanStatus.TO_REPAY);
    }

    // ---- cancellation ---------------------------------------------------------------------

    @Test
    void cancelWorksWhileAwaitingValidationOrWireOnly() {
        LenderLoan funded = funded(100_000, SUCCEEDS, today().plusDays(30));
        LenderLoan toValidate = toValidate(100_000, SUCCEEDS, today().plusDays(30));
        LenderLoan validated = toValidate(100_000, SUCCEEDS, today().plusDays(30));
        lender.validateLoan(validated.id());

        assertThat(lender.cancelLoan(toValidate.id()).status())
                .isEqualTo(LenderLoanStatus.CANCELED);
        assertThat(lender.cancelLoan(validated.id()).status())
                .isEqualTo(LenderLoanStatus.CANCELED);
        assertThatThrownBy(() -> lender.cancelLoan(toValidate.id()))
                .isInstanceOfSatisfying(LenderRejectedException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(409));
        assertThatThrownBy(() -> lender.cancelLoan(funded.id()))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.lenderMessage()).contains("TO_REPAY");
                });
        awaitEvent(validated.id(), "Loan.CANCELED");
    }

    @Test
    void unknownLoanIsNotFound() {
        assertThatThrownBy(() -> lender.getLoan("loan_does_not_exist"))
                .isInstanceOfSatisfying(LenderRejectedException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    // ---- repayment ------------------------------------------------------------------------

    @Test
    void repaymentDateMovesButNotBeforeTheEarliestDate() {
        LenderLoan loan = funded(1_000_000, SUCCEEDS, today().plusDays(30));
        LocalDate earliest = loan.earliestToRepayAt();

        assertThatThrownBy(() -> lender.changeRepaymentDate(loan.id(), earliest.minusDays(1)))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.lenderMessage()).contains(earliest.toString());
                });
        LenderLoan moved = lender.changeRepaymentDate(loan.id(), loan.toRepayAt().plusDays(10));

        assertThat(moved.toRepayAt()).isEqualTo(loan.toRepayAt().plusDays(10));
        assertThat(moved.feesEstimated()).isGreaterThan(loan.feesEstimated());
        assertThat(moved.status()).isEqualTo(LenderLoanStatus.TO_REPAY);
    }

    @Test
    void debitOnTheRepaymentDateClosesTheLoan() {
        LocalDate repayOn = today().plusDays(12);
        LenderLoan loan = funded(2_000_000, SUCCEEDS, repayOn);
        Instant debitTime = repayOn.atTime(8, 0).atZone(PARIS).toInstant();

        advanceTo(debitTime.minus(Duration.ofHours(1)));
        LenderLoan justBefore = lender.getLoan(loan.id());
        advanceTo(debitTime.plus(Duration.ofHours(1)));
        LenderLoan repaid = lender.getLoan(loan.id());

        assertThat(justBefore.status()).isEqualTo(LenderLoanStatus.TO_REPAY);
        assertThat(repaid.status()).isEqualTo(LenderLoanStatus.CLOSED);
        assertThat(repaid.repaidAt()).isEqualTo(debitTime);
        assertThat(awaitEvents(loan.id(), "Payment.PAID", 2)).hasSize(2);
        awaitEvent(loan.id(), "Loan.CLOSED");
        assertThat(lender.creditLine(borrower).balanceOutstanding()).isZero();
    }

    @Test
    void failingDebitDetectsAnIssue() {
        LocalDate repayOn = today().plusDays(9);
        LenderLoan loan = funded(300_000, SUCCEEDS, repayOn);
        scenario(loan.id(), Map.of("debit", "FAILS"));

        advanceTo(repayOn.atTime(9, 0).atZone(PARIS).toInstant());
        LenderLoan bounced = lender.getLoan(loan.id());

        assertThat(bounced.status()).isEqualTo(LenderLoanStatus.ISSUE_DETECTED);
        assertThat(bounced.repaymentFailedAt()).isNotNull();
        assertThat(bounced.repaidAt()).isNull();
        assertThat(awaitEvent(loan.id(), "Payment.FAILED").status()).isEqualTo("FAILED");
        assertThat(lender.creditLine(borrower).balanceOutstanding()).isEqualTo(300_000);
    }

    @Test
    void oneDayLateIbanWiresAndDebitsADayLater() {
        LocalDate repayOn = today().plusDays(15);
        LenderLoan loan = toValidate(400_000, ONE_DAY_LATE, repayOn);
        lender.validateLoan(loan.id());

        advance(Duration.ofHours(5));
        LenderLoan afterUsualDelay = lender.getLoan(loan.id());
        advance(Duration.ofDays(1));
        LenderLoan wired = lender.getLoan(loan.id());
        advanceTo(repayOn.atTime(9, 0).atZone(PARIS).toInstant());
        LenderLoan onRepaymentDate = lender.getLoan(loan.id());
        advance(Duration.ofDays(1));
        LenderLoan dayAfter = lender.getLoan(loan.id());

        assertThat(afterUsualDelay.status()).isEqualTo(LenderLoanStatus.VALIDATED);
        assertThat(wired.status()).isEqualTo(LenderLoanStatus.TO_REPAY);
        assertThat(onRepaymentDate.status()).isEqualTo(LenderLoanStatus.TO_REPAY);
        assertThat(dayAfter.status()).isEqualTo(LenderLoanStatus.CLOSED);
        assertThat(dayAfter.repaidAt())
                .isEqualTo(repayOn.plusDays(1).atTime(8, 0).atZone(PARIS).toInstant());
    }

    // ---- credit line ----------------------------------------------------------------------

    @Test
    void creditLineBalancesFollowTheLoans() {
        LenderCreditLine fresh = lender.creditLine(borrower);
        LenderLoan first = toValidate(1_000_000, SUCCEEDS, today().plusDays(30));
        LenderLoan second = toValidate(2_000_000, SUCCEEDS, today().plusDays(30));
        lender.validateLoan(first.id());
        LenderCreditLine afterValidation = lender.creditLine(borrower);
        lender.cancelLoan(second.id());
        LenderCreditLine afterCancel = lender.creditLine(borrower + "00019");

        assertThat(fresh).isEqualTo(new LenderCreditLine(5_000_000, 5_000_000, 0, 0, "ACTIVE"));
        assertThat(afterValidation)
                .isEqualTo(new LenderCreditLine(5_000_000, 2_000_000, 2_000_000, 1_000_000,
                        "ACTIVE"));
        assertThat(afterCancel)
                .isEqualTo(new LenderCreditLine(5_000_000, 4_000_000, 0, 1_000_000, "ACTIVE"));
        LenderWebhookEvent balance = awaitEvent(borrower, "CreditLine.BALANCE_UPDATED");
        assertThat(balance.entityState().path("pool_amount").asLong()).isEqualTo(5_000_000);
    }

    @Test
    void secondLoanIsDeclinedOnceTheFirstTookTheBalance() {
        sandbox.put().uri("/credit_lines/{b}", borrower).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("pool_amount", 1_500_000)).retrieve().toBodilessEntity();

        LenderLoan first = toValidate(1_000_000, SUCCEEDS, today().plusDays(30));
        LenderLoan second = lender.createLoan(newLoan(1_000_000, SUCCEEDS, today().plusDays(30)));

        assertThat(first.status()).isEqualTo(LenderLoanStatus.TO_VALIDATE);
        assertThat(lender.getLoan(second.id()).status()).isEqualTo(LenderLoanStatus.DECLINED);
    }

    // ---- webhooks -------------------------------------------------------------------------

    @Test
    void refusedWebhookIsRetriedUntilAccepted() {
        webhooks.refuseFirstDelivery.add(borrower);

        lender.createLoan(newLoan(10_000, SUCCEEDS, today().plusDays(30)));

        LenderWebhookEvent delivered = awaitEvent(borrower, "CreditLine.BALANCE_UPDATED");
        assertThat(webhooks.refused).contains(borrower);
        assertThat(delivered.entityState().path("balance_pending_validation").asLong())
                .isEqualTo(10_000);
        // Each attempt is signed anew: the retry is not a replay of the refused request.
        List<Webhooks.Delivery> attempts = webhooks.deliveriesFor(borrower);
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(d -> assertThat(d.verdict()).isEqualTo(Verdict.VALID));
        assertThat(attempts.get(1).timestamp()).isNotEqualTo(attempts.get(0).timestamp());
        assertThat(attempts.get(1).signature()).isNotEqualTo(attempts.get(0).signature());
    }

    @Test
    void webhooksAreSignedWithWallClockTimeWhateverTheSandboxTime() {
        advance(Duration.ofDays(3));
        Instant sandboxNow = clockNow();

        lender.createLoan(newLoan(10_000, SUCCEEDS, today().plusDays(30)));

        LenderWebhookEvent event = awaitEvent(borrower, "CreditLine.BALANCE_UPDATED");
        assertThat(event.timestamp()).isAfterOrEqualTo(sandboxNow);
        Webhooks.Delivery delivery = webhooks.deliveriesFor(borrower).get(0);
        assertThat(delivery.verdict()).isEqualTo(Verdict.VALID);
        assertThat(Instant.ofEpochSecond(Long.parseLong(delivery.timestamp())))
                .isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(delivery.signature()).startsWith("v1=");
    }

    // ---- borrowers and eligibility ---------------------------------------------------------

    @Test
    void registeringTwiceGivesTheSameBorrowerAndAnUpdateRecomputesTheLimit() {
        String siret = validSiret();
        String siren = siret.substring(0, 9);
        // Inflows 66 833,32 € over 6 months: average 11 138,89 €, 30 % = 3 341,67 € → 3 300 €.
        NewBorrower sixMonths = newBorrower(siret, today().minusYears(5),
                inflows(1_000_000, 1_234_567, 987_654, 1_111_111, 1_050_000, 1_300_000));

        ResponseEntity<JsonNode> created = postBorrower(sixMonths);
        ResponseEntity<JsonNode> replayed = postBorrower(sixMonths);
        String id = created.getBody().path("id").asText();
        LenderCreditLine afterSixMonths = lender.creditLine(siren);
        LenderEligibility eligible = lender.checkEligibility(new EligibilityRequest(id));
        LenderBorrower updated = lender.registerBorrower(
                newBorrower(siret, today().minusYears(5), inflows(2_000_000, 2_000_000)));
        LenderCreditLine afterTwoMonths = lender.creditLine(siret);
        LenderEligibility notEligible = lender.checkEligibility(new EligibilityRequest(id));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasPath("/sandbox-lender/borrower/" + id);
        assertThat(replayed.getStatusCode().value()).isEqualTo(200);
        assertThat(replayed.getBody().path("id").asText()).isEqualTo(id);
        assertThat(updated.id()).isEqualTo(id);
        assertThat(updated.siren()).isEqualTo(siren);
        assertThat(afterSixMonths).isEqualTo(
                new LenderCreditLine(330_000, 330_000, 0, 0, "ACTIVE"));
        assertThat(eligible).isEqualTo(new LenderEligibility(true, 330_000,
                new BigDecimal("0.0007"), List.of()));
        assertThat(afterTwoMonths.poolAmount()).isZero();
        assertThat(notEligible.isEligible()).isFalse();
        assertThat(notEligible.maxAmount()).isZero();
        assertThat(notEligible.reasons()).extracting(LenderEligibility.Reason::code)
                .containsExactly("INSUFFICIENT_HISTORY");
        assertThat(notEligible.reasons().get(0).description()).contains("6 derniers mois");
        awaitEventMatching(siren, "CreditLine.BALANCE_UPDATED",
                e -> e.entityState().path("pool_amount").asLong() == 330_000);
        LenderWebhookEvent toZero = awaitEventMatching(siren, "CreditLine.BALANCE_UPDATED",
                e -> e.entityState().path("pool_amount").asLong() == 0);
        assertThat(toZero.entityType()).isEqualTo("CreditLine");
        assertThat(toZero.entityState().path("borrower").asText()).isEqualTo(siren);
        assertThat(toZero.entityState().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void limitIsCappedAtTwoHundredThousandEuros() {
        String siret = validSiret();
        // 1 000 000 € a month: 30 % = 300 000 €, above the 200 000 € cap.
        LenderBorrower borrower = lender.registerBorrower(newBorrower(siret,
                today().minusYears(3), inflows(100_000_000, 100_000_000, 100_000_000)));

        LenderEligibility eligibility =
                lender.checkEligibility(new EligibilityRequest(borrower.id()));
        LenderBorrower read = lender.getBorrower(borrower.id());

        assertThat(eligibility.isEligible()).isTrue();
        assertThat(eligibility.maxAmount()).isEqualTo(20_000_000);
        assertThat(eligibility.reasons()).isEmpty();
        assertThat(lender.creditLine(siret).poolAmount()).isEqualTo(20_000_000);
        assertThat(read).isEqualTo(borrower);
        assertThat(read.identifier()).isEqualTo(siret);
        assertThat(read.status()).isEqualTo("ACTIVE");
        assertThat(read.createdAt()).isNotNull();
    }

    @Test
    void companyYoungerThanSixMonthsGetsNoCredit() {
        String siret = validSiret();
        LenderBorrower borrower = lender.registerBorrower(newBorrower(siret,
                today().minusMonths(3), inflows(1_000_000, 1_000_000, 1_000_000, 1_000_000)));

        LenderEligibility eligibility =
                lender.checkEligibility(new EligibilityRequest(borrower.id()));

        assertThat(eligibility.isEligible()).isFalse();
        assertThat(eligibility.maxAmount()).isZero();
        assertThat(eligibility.reasons()).extracting(LenderEligibility.Reason::code)
                .containsExactly("COMPANY_TOO_YOUNG");
        assertThat(lender.creditLine(siret).poolAmount()).isZero();
    }

    @Test
    void companySharingNoBankAccountGetsNoCredit() {
        String siret = validSiret();
        NewBorrower noAccount = new NewBorrower(siret, "siret", "Sans compte", "62.01Z",
                today().minusYears(4), SUCCEEDS, ALICE, List.of());

        LenderBorrower borrower = lender.registerBorrower(noAccount);

        assertThat(lender.checkEligibility(new EligibilityRequest(borrower.id())).reasons())
                .extracting(LenderEligibility.Reason::code).containsExactly("NO_BANK_ACCOUNT");
    }

    @Test
    void registrationSetsThePoolOfALineAnEarlierLoanOpenedWithTheDefault() {
        String siret = validSiret();
        borrower = siret.substring(0, 9);
        LenderLoan loan = toValidate(100_000, SUCCEEDS, today().plusDays(30));

        lender.registerBorrower(newBorrower(siret, today().minusYears(5),
                inflows(1_000_000, 1_000_000, 1_000_000)));

        assertThat(lender.creditLine(borrower))
                .isEqualTo(new LenderCreditLine(300_000, 200_000, 100_000, 0, "ACTIVE"));
        assertThat(lender.getLoan(loan.id()).status()).isEqualTo(LenderLoanStatus.TO_VALIDATE);
    }

    @Test
    void blockedBorrowerHasItsNewLoansDeclinedUntilUnblocked() {
        String siret = validSiret();
        borrower = siret.substring(0, 9);
        String id = lender.registerBorrower(newBorrower(siret, today().minusYears(5),
                inflows(1_000_000, 1_000_000, 1_000_000))).id();

        JsonNode blockAnswer = sandbox.post().uri("/borrowers/{id}/block", id).retrieve()
                .body(JsonNode.class);
        LenderBorrower blocked = lender.getBorrower(id);
        LenderCreditLine blockedLine = lender.creditLine(borrower);
        LenderEligibility blockedEligibility = lender.checkEligibility(new EligibilityRequest(id));
        LenderLoan declined = lender.getLoan(
                lender.createLoan(newLoan(100_000, SUCCEEDS, today().plusDays(30))).id());

        assertThat(blockAnswer.path("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.status()).isEqualTo(LenderBorrower.BLOCKED);
        assertThat(blockedLine).isEqualTo(new LenderCreditLine(300_000, 0, 0, 0, "BLOCKED"));
        assertThat(blockedEligibility.isEligible()).isFalse();
        assertThat(blockedEligibility.maxAmount()).isZero();
        assertThat(blockedEligibility.reasons()).extracting(LenderEligibility.Reason::code)
                .containsExactly("BORROWER_BLOCKED");
        assertThat(declined.status()).isEqualTo(LenderLoanStatus.DECLINED);
        assertThat(declined.denialReason()).contains("Emprunteur bloqué par le prêteur");
        LenderWebhookEvent statusEvent = awaitEventMatching(borrower,
                "CreditLine.STATUS_UPDATED", e -> "BLOCKED".equals(e.status()));
        assertThat(statusEvent.entityType()).isEqualTo("CreditLine");
        assertThat(statusEvent.entityState().path("status").asText()).isEqualTo("BLOCKED");
        assertThat(statusEvent.entityState().path("borrower").asText()).isEqualTo(borrower);
        assertThat(statusEvent.entityState().path("pool_amount").asLong()).isEqualTo(300_000);
        awaitEventMatching(borrower, "CreditLine.BALANCE_UPDATED",
                e -> "BLOCKED".equals(e.entityState().path("status").asText())
                        && e.entityState().path("balance_available").asLong() == 0);

        JsonNode unblockAnswer = sandbox.post().uri("/borrowers/{id}/unblock", id).retrieve()
                .body(JsonNode.class);
        LenderLoan accepted = toValidate(100_000, SUCCEEDS, today().plusDays(30));

        assertThat(unblockAnswer.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(lender.getBorrower(id).status()).isEqualTo(LenderBorrower.ACTIVE);
        assertThat(accepted.status()).isEqualTo(LenderLoanStatus.TO_VALIDATE);
        assertThat(lender.creditLine(borrower))
                .isEqualTo(new LenderCreditLine(300_000, 200_000, 100_000, 0, "ACTIVE"));
        assertThat(lender.checkEligibility(new EligibilityRequest(id)).isEligible()).isTrue();
        awaitEventMatching(borrower, "CreditLine.STATUS_UPDATED",
                e -> "ACTIVE".equals(e.status()));
    }

    @Test
    void invalidRegistrationIsRefusedWithEveryProblem() {
        String badIban = "FR7611111015593603018280926";
        NewBorrower invalid = new NewBorrower("12345678901234", "siret", "Mauvaise SARL", null,
                today().minusYears(2), badIban, new Representative("A", "B", null, null),
                List.of(new BankAccount("FR0011111015593603018280926", null, List.of())));

        assertThatThrownBy(() -> lender.registerBorrower(invalid))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.lenderMessage()).contains("identifier", "account_number",
                            "representative.email", "bank_accounts[0].iban");
                    assertThat(e.getMessage()).doesNotContain(badIban);
                });
        ResponseEntity<JsonNode> answer = postBorrower(invalid);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType())
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(answer.getBody().path("errors")).hasSize(4);
    }

    @Test
    void unknownBorrowerIsNotFound() {
        assertThatThrownBy(() -> lender.getBorrower("bor_does_not_exist"))
                .isInstanceOfSatisfying(LenderRejectedException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> lender.checkEligibility(
                new EligibilityRequest("bor_does_not_exist")))
                .isInstanceOfSatisfying(LenderRejectedException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(404));
        ResponseEntity<JsonNode> block = sandbox.post()
                .uri("/borrowers/{id}/block", "bor_does_not_exist").retrieve()
                .toEntity(JsonNode.class);
        assertThat(block.getStatusCode().value()).isEqualTo(404);
    }

    // ---- the sandbox's own rules ----------------------------------------------------------

    @Test
    void everyCallNeedsTheApiKey() {
        RestClient anonymous = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port + "/sandbox-lender")
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();

        ResponseEntity<JsonNode> without = anonymous.get().uri("/clock").retrieve()
                .toEntity(JsonNode.class);
        ResponseEntity<JsonNode> wrong = anonymous.get().uri("/clock")
                .header("Authorization", "Bearer not-the-key").retrieve().toEntity(JsonNode.class);

        assertThat(without.getStatusCode().value()).isEqualTo(401);
        assertThat(without.getHeaders().getContentType())
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(without.getBody().path("status").asInt()).isEqualTo(401);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void clockRefusesBackwardsOrHugeOrMalformedMoves() {
        for (String by : List.of("-P1D", "P401D", "P1M", "tomorrow")) {
            ResponseEntity<JsonNode> answer = sandbox.post().uri("/clock/advance?by={by}", by)
                    .retrieve().toEntity(JsonNode.class);
            assertThat(answer.getStatusCode().value()).as(by).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(by)
                    .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void clockMovesForwardByTheGivenDuration() {
        Instant before = clockNow();

        JsonNode after = sandbox.post().uri("/clock/advance?by=PT2H").retrieve()
                .body(JsonNode.class);

        Duration moved = Duration.between(before, Instant.parse(after.path("now").asText()));
        assertThat(moved).isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1));
    }

    @Test
    void clockOffsetIsKeptInTheDatabase() {
        advance(Duration.ofMinutes(7));

        SandboxClock afterRestart = new SandboxClock(clockStates);

        assertThat(afterRestart.offset()).isEqualTo(sandboxClock.offset());
        assertThat(afterRestart.offset()).isGreaterThanOrEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void loansAreListedNewestFirst() {
        LenderLoan older = lender.createLoan(newLoan(10_000, SUCCEEDS, today().plusDays(30)));
        LenderLoan newer = lender.createLoan(newLoan(20_000, SUCCEEDS, today().plusDays(30)));

        JsonNode list = sandbox.get().uri("/loans").retrieve().body(JsonNode.class);

        assertThat(list.get(0).path("id").asText()).isEqualTo(newer.id());
        assertThat(list.get(1).path("id").asText()).isEqualTo(older.id());
    }

    // ---- fee statements -------------------------------------------------------------------

    @Test
    void loanFundedMidMonthAndRepaidTheNextIsBilledOverTwoStatementsAddingUpToItsFee() {
        YearMonth funding = YearMonth.from(today()).plusMonths(1);
        advanceTo(funding.atDay(15).atTime(9, 0).atZone(PARIS).toInstant());
        LocalDate repayOn = funding.plusMonths(1).atDay(10);
        LenderLoan loan = funded(1_000_000, SUCCEEDS, repayOn);
        advanceTo(funding.plusMonths(2).atDay(1).atTime(0, 30).atZone(PARIS).toInstant());

        LenderLoan repaid = lender.getLoan(loan.id());
        LenderBill first = lender.bill(borrower, funding);
        LenderBill second = lender.bill(borrower, funding.plusMonths(1));

        // 10 000 € at 0.07 % a day is 7 € a night: 15th to month end, then 1st to 10th.
        long nightsInFundingMonth = funding.lengthOfMonth() - 14;
        assertThat(repaid.status()).isEqualTo(LenderLoanStatus.CLOSED);
        assertThat(repaid.feesOngoing()).isEqualTo(700 * (nightsInFundingMonth + 9));
        assertThat(first).isEqualTo(new LenderBill(borrower, funding.toString(),
                700 * nightsInFundingMonth,
                List.of(new LenderBill.Line(loan.id(), 700 * nightsInFundingMonth))));
        assertThat(second).isEqualTo(new LenderBill(borrower, funding.plusMonths(1).toString(),
                6_300, List.of(new LenderBill.Line(loan.id(), 6_300))));
        assertThat(first.total() + second.total()).isEqualTo(repaid.feesOngoing());
    }

    @Test
    void currentMonthCannotBeBilledYet() {
        YearMonth current = YearMonth.from(today());

        assertThatThrownBy(() -> lender.bill(borrower, current))
                .isInstanceOfSatisfying(LenderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.lenderMessage()).contains(current.toString(),
                            current.plusMonths(1).atDay(1).toString());
                });
        ResponseEntity<JsonNode> malformed = sandbox.get()
                .uri("/bills?borrower={b}&month=novembre", borrower).retrieve()
                .toEntity(JsonNode.class);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void adjustmentMakesTheLineDifferFromTheAccruedFees() {
        YearMonth funding = YearMonth.from(today()).plusMonths(1);
        advanceTo(funding.atDay(15).atTime(9, 0).atZone(PARIS).toInstant());
        LenderLoan loan = funded(1_000_000, SUCCEEDS, funding.plusMonths(1).atDay(20));
        advanceTo(funding.plusMonths(1).atDay(1).atTime(0, 30).atZone(PARIS).toInstant());
        long accrued = 700L * (funding.lengthOfMonth() - 14);
        LenderBill before = lender.bill(borrower, funding);

        ResponseEntity<JsonNode> adjusted = sandbox.post().uri("/bills/adjustments")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("loan_id", loan.id(), "month", funding.toString(), "amount", 3))
                .retrieve().toEntity(JsonNode.class);
        LenderBill after = lender.bill(borrower, funding);

        assertThat(before.lines()).containsExactly(new LenderBill.Line(loan.id(), accrued));
        assertThat(adjusted.getStatusCode().value()).isEqualTo(200);
        assertThat(adjusted.getBody().path("amount").asLong()).isEqualTo(3);
        assertThat(after.lines()).containsExactly(new LenderBill.Line(loan.id(), accrued + 3));
        assertThat(after.total()).isEqualTo(accrued + 3);
        // Still running: it is on the next statement too, which is not issued yet.
        assertThat(lender.getLoan(loan.id()).status()).isEqualTo(LenderLoanStatus.TO_REPAY);
    }

    // ---- helpers --------------------------------------------------------------------------

    /** A SIRET passing the check, of a company no other test uses. */
    private static String validSiret() {
        String head = String.valueOf(COMPANIES.incrementAndGet());
        String siren = IntStream.rangeClosed(0, 9).mapToObj(digit -> head + digit)
                .filter(Siren::isValid).findFirst().orElseThrow();
        return IntStream.rangeClosed(0, 9).mapToObj(digit -> siren + "0001" + digit)
                .filter(Siret::isValid).findFirst().orElseThrow();
    }

    private NewBorrower newBorrower(String siret, LocalDate createdOn,
                                    List<Transaction> transactions) {
        return new NewBorrower(siret, NewBorrower.SIRET, "Minoterie " + siret, "10.61A",
                createdOn, SUCCEEDS, ALICE,
                List.of(new BankAccount(ONE_DAY_LATE, "Banque de test", transactions)));
    }

    /**
     * One inflow a month, the last given in the month before the sandbox's current one, each
     * with an outflow the rule must ignore.
     */
    private List<Transaction> inflows(long... centsOldestFirst) {
        YearMonth current = YearMonth.from(today());
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < centsOldestFirst.length; i++) {
            YearMonth month = current.minusMonths(centsOldestFirst.length - i);
            transactions.add(new Transaction(month.atDay(10), centsOldestFirst[i], "VIR CLIENT"));
            transactions.add(new Transaction(month.atEndOfMonth(), -250_000, "PRLV LOYER"));
        }
        return transactions;
    }

    private ResponseEntity<JsonNode> postBorrower(NewBorrower request) {
        return sandbox.post().uri("/borrowers").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().toEntity(JsonNode.class);
    }

    private NewLoan newLoan(long cents, String iban, LocalDate toRepayAt) {
        return new NewLoan(cents, "EUR", Borrower.siren(borrower),
                new LoanTo(iban, "Au bon moulin"), null, toRepayAt,
                List.of("inv-" + UUID.randomUUID()), "salt-" + UUID.randomUUID(), false, false,
                null);
    }

    private LenderLoan toValidate(long cents, String iban, LocalDate toRepayAt) {
        LenderLoan loan = lender.getLoan(lender.createLoan(newLoan(cents, iban, toRepayAt)).id());
        assertThat(loan.status()).isEqualTo(LenderLoanStatus.TO_VALIDATE);
        return loan;
    }

    private LenderLoan funded(long cents, String iban, LocalDate toRepayAt) {
        LenderLoan loan = toValidate(cents, iban, toRepayAt);
        lender.validateLoan(loan.id());
        advance(Duration.ofHours(5));
        LenderLoan funded = lender.getLoan(loan.id());
        assertThat(funded.status()).isEqualTo(LenderLoanStatus.TO_REPAY);
        return funded;
    }

    private void scenario(String loanId, Map<String, String> scenario) {
        ResponseEntity<Void> answer = sandbox.post().uri("/loans/{id}/scenario", loanId)
                .contentType(MediaType.APPLICATION_JSON).body(scenario).retrieve()
                .toBodilessEntity();
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    private Instant clockNow() {
        JsonNode clock = sandbox.get().uri("/clock").retrieve().body(JsonNode.class);
        return Instant.parse(clock.path("now").asText());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clockNow(), PARIS);
    }

    private void advance(Duration by) {
        ResponseEntity<Void> answer = sandbox.post().uri("/clock/advance?by={by}", by.toString())
                .retrieve().toBodilessEntity();
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    private void advanceTo(Instant target) {
        advance(Duration.between(clockNow(), target));
    }

    private LenderWebhookEvent awaitEvent(String entityId, String eventType) {
        return awaitEvents(entityId, eventType, 1).get(0);
    }

    private LenderWebhookEvent awaitEventMatching(String entityId, String eventType,
                                                  Predicate<LenderWebhookEvent> matching) {
        return awaitEvents(entityId, eventType, 1, matching).get(0);
    }

    private List<LenderWebhookEvent> awaitEvents(String entityId, String eventType, int count) {
        return awaitEvents(entityId, eventType, count, e -> true);
    }

    private List<LenderWebhookEvent> awaitEvents(String entityId, String eventType, int count,
                                                 Predicate<LenderWebhookEvent> matching) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<LenderWebhookEvent> found = webhooks.received.stream()
                    .filter(e -> e.id().equals(entityId) && e.eventType().equals(eventType))
                    .filter(matching)
                    .toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertThat(found).as(eventType + " for " + entityId)
                        .hasSizeGreaterThanOrEqualTo(count);
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Catches the sandbox's webhooks and checks their signature as the receiver would; the real
     * receiver is not part of this test.
     */
    @RestController
    static class Webhooks {

        /** One attempt as it arrived: the signature headers and what checking them gave. */
        record Delivery(String entityId, String timestamp, String signature, Verdict verdict) {
        }

        final List<LenderWebhookEvent> received = new CopyOnWriteArrayList<>();
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        /** Entity ids whose first webhook is answered 503, to exercise the retry. */
        final Set<String> refuseFirstDelivery = ConcurrentHashMap.newKeySet();
        final List<String> refused = new CopyOnWriteArrayList<>();
        private final ObjectMapper json;
        private final WebhookSignature signature;

        Webhooks(ObjectMapper json, @Value("${lender.webhook-secret}") String secret) {
            this.json = json;
            this.signature = new WebhookSignature(secret);
        }

        @PostMapping("/test-webhooks")
        ResponseEntity<Void> receive(
                @RequestHeader(name = WebhookSignature.TIMESTAMP_HEADER, required = false)
                String timestamp,
                @RequestHeader(name = WebhookSignature.SIGNATURE_HEADER, required = false)
                String signed,
                @RequestBody byte[] body) throws IOException {
            LenderWebhookEvent event = json.readValue(body, LenderWebhookEvent.class);
            Verdict verdict = signature.verify(timestamp, signed, body, Instant.now(),
                    Duration.ofMinutes(5)).verdict();
            deliveries.add(new Delivery(event.id(), timestamp, signed, verdict));
            if (refuseFirstDelivery.remove(event.id())) {
                refused.add(event.id());
                return ResponseEntity.status(503).build();
            }
            received.add(event);
            return ResponseEntity.noContent().build();
        }

        List<Delivery> deliveriesFor(String entityId) {
            return deliveries.stream().filter(d -> entityId.equals(d.entityId())).toList();
        }
    }

    /**
     * Test only: lets these calls through whatever the application's security becomes; the
     * sandbox checks its own bearer key.
     */
    @TestConfiguration
    static class PermitAllForThisTest {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain sandboxLenderTestChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/sandbox-lender/**", "/test-webhooks/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }
}
