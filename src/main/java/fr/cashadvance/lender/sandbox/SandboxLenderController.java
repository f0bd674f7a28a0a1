package fr.cashadvance.lender.sandbox;

import fr.cashadvance.lender.sandbox.SandboxApi.Creation;
import fr.cashadvance.lender.sandbox.SandboxApi.Registration;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox lender's HTTP API: the lender's own paths and fields (DOMAIN §9) under
 * {@code /sandbox-lender}, plus test controls (clock, scenarios, pool amount, blocking).
 */
@RestController
@RequestMapping(SandboxLenderController.BASE_PATH)
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
class SandboxLenderController {

    static final String BASE_PATH = "/sandbox-lender";

    private final SandboxLender lender;

    SandboxLenderController(SandboxLender lender) {
        this.lender = lender;
    }

    @PostMapping("/loans")
    ResponseEntity<SandboxApi.Loan> createLoan(@RequestBody SandboxApi.LoanRequest request) {
        Creation creation = lender.createLoan(request);
        if (!creation.created()) {
            return ResponseEntity.ok(creation.loan());
        }
        return ResponseEntity.created(URI.create(BASE_PATH + "/loan/" + creation.loan().id()))
                .body(creation.loan());
    }

    /** Not part of the real API: every loan, newest first, for operators' curiosity. */
    @GetMapping("/loans")
    List<SandboxApi.Loan> loans() {
        return lender.loans();
    }

    @GetMapping("/loan/{id}")
    SandboxApi.Loan loan(@PathVariable String id) {
        return lender.loan(id);
    }

    @PatchMapping("/loan/{id}")
    SandboxApi.Loan changeLoan(@PathVariable String id,
                               @RequestBody SandboxApi.RepaymentDateChange change) {
        return lender.changeRepaymentDate(id, change.toRepayAt());
    }

    @PostMapping("/loan/{id}/validate")
    SandboxApi.Loan validate(@PathVariable String id) {
        return lender.validate(id);
    }

    @PostMapping("/loan/{id}/cancel")
    SandboxApi.Loan cancel(@PathVariable String id) {
        return lender.cancel(id);
    }

    /** 201 for a new borrower; 200 with the same borrower, updated, for a known SIRET. */
    @PostMapping("/borrowers")
    ResponseEntity<SandboxApi.RegisteredBorrower> registerBorrower(
            @RequestBody SandboxApi.BorrowerRequest request) {
        Registration registration = lender.registerBorrower(request);
        if (!registration.created()) {
            return ResponseEntity.ok(registration.borrower());
        }
        return ResponseEntity.created(URI.create(BASE_PATH + "/borrower/"
                + registration.borrower().id())).body(registration.borrower());
    }

    @GetMapping("/borrower/{id}")
    SandboxApi.RegisteredBorrower borrower(@PathVariable String id) {
        return lender.borrower(id);
    }

    @PostMapping("/eligibility/borrower")
    SandboxApi.Eligibility eligibility(@RequestBody SandboxApi.EligibilityQuery query) {
        return lender.eligibility(query);
    }

    /** Test control: the lender blocks the borrower; its new loans are declined. */
    @PostMapping("/borrowers/{id}/block")
    SandboxApi.RegisteredBorrower block(@PathVariable String id) {
        return lender.changeBorrowerStatus(id, SandboxCreditLineStatus.BLOCKED);
    }

    /** Test control: the lender lifts the block. */
    @PostMapping("/borrowers/{id}/unblock")
    SandboxApi.RegisteredBorrower unblock(@PathVariable String id) {
        return lender.changeBorrowerStatus(id, SandboxCreditLineStatus.ACTIVE);
    }

    @GetMapping("/credit_lines")
    SandboxApi.CreditLine creditLine(@RequestParam String borrower) {
        return lender.creditLine(borrower);
    }

    /** Test control: set a borrower's pool, in cents (zero is a real answer of the lender). */
    @PutMapping("/credit_lines/{borrower}")
    SandboxApi.CreditLine changePool(@PathVariable String borrower,
                                     @RequestBody SandboxApi.PoolChange change) {
        return lender.changePoolAmount(borrower, change.poolAmount());
    }

    /** Test control: how a loan's wire and debit will go. */
    @PostMapping("/loans/{id}/scenario")
    SandboxApi.Loan changeScenario(@PathVariable String id,
                                   @RequestBody SandboxApi.Scenario scenario) {
        return lender.changeScenario(id, scenario);
    }

    /** The fee statement of a month that has ended in sandbox time. */
    @GetMapping("/bills")
    SandboxApi.Bill bill(@RequestParam String borrower, @RequestParam String month) {
        return lender.bill(borrower, month);
    }

    /** Test control: makes a loan's line of a month differ from its accrued fees. */
    @PostMapping("/bills/adjustments")
    SandboxApi.BillAdjustment adjustBill(@RequestBody SandboxApi.BillAdjustment adjustment) {
        return lender.adjustBill(adjustment);
    }

    @GetMapping("/clock")
    SandboxApi.Clock clock() {
        return lender.clockState();
    }

    /** Test control: back to real time (loans already moved along stay where they are). */
    @PostMapping("/clock/reset")
    SandboxApi.Clock resetClock() {
        return lender.resetClock();
    }

    /** Test control: moves sandbox time forward, then does what fell due meanwhile. */
    @PostMapping("/clock/advance")
    SandboxApi.Clock advanceClock(@RequestParam String by) {
        Duration duration;
        try {
            duration = Duration.parse(by.strip());
        } catch (DateTimeParseException e) {
            throw SandboxProblem.badRequest("by doit être une durée ISO-8601 en jours, heures, "
                    + "minutes ou secondes (P30D, PT2H, P1DT12H) ; reçu « " + by + " ».");
        }
        return lender.advanceClock(duration);
    }
}
