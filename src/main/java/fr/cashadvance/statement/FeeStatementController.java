package fr.cashadvance.statement;

import fr.cashadvance.security.ScopedByCaller;
import fr.cashadvance.security.BusinessScope;
import fr.cashadvance.security.OwnedResource;
import fr.cashadvance.security.OwnedKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Fee statements")
public class FeeStatementController {

    public static final String PROCESS_KEY = "fee-statement";
    public static final String MESSAGE_ON_DEMAND = "FeeStatementRequested";

    private final FeeStatementService statements;
    private final FeeStatementRepository repository;
    private final RuntimeService runtime;
    private final java.time.Clock clock;
    private final boolean sandbox;
    private final BusinessScope scope;

    public FeeStatementController(FeeStatementService statements,
                                  FeeStatementRepository repository, RuntimeService runtime,
                                  java.time.Clock clock,
                                  @org.springframework.beans.factory.annotation.Value(
                                          "${sandbox-lender.enabled:false}") boolean sandbox,
                                  BusinessScope scope) {
        this.scope = scope;
        this.statements = statements;
        this.repository = repository;
        this.runtime = runtime;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    public record StatementView(String id, String businessId, String month, String status,
                                String statusLabel, BigDecimal totalOurs, BigDecimal totalLender,
                                String differences, String accountingEntryId,
                                List<StatementLine> lines, Instant updatedAt) {
    }

    @PostMapping("/api/fee-statements")
    @Operation(summary = "Run the fee-statement process now for a month (YYYY-MM, default: the "
            + "previous month); the 1st-of-month timer does the same at 06:00 Paris")
    @ScopedByCaller("operators only, for every business (see SecurityConfig)")
    public ResponseEntity<Map<String, String>> run(@RequestParam(required = false) String month) {
        YearMonth m = month == null ? FeeStatementService.previousMonth(clock)
                : FeeStatementService.parseMonth(month);
        FeeStatementService.checkBillable(m, clock, sandbox);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey("statements-" + m).active().count() > 0) {
            throw new fr.cashadvance.web.ApiProblem(org.springframework.http.HttpStatus.CONFLICT,
                    "statement-run-in-progress", "Relevé en cours", "The statements of " + m
                    + " are still being produced (an operator task may be open); retry when "
                    + "that run has ended.");
        }
        var instance = runtime.createMessageCorrelation(MESSAGE_ON_DEMAND)
                .processInstanceBusinessKey("statements-" + m)
                .setVariable("month", m.toString())
                .correlateStartMessage();
        return ResponseEntity.accepted().body(Map.of("month", m.toString(),
                "processInstanceId", instance.getId()));
    }

    @GetMapping("/api/fee-statements")
    @Operation(summary = "The month's statements, with the operator's totals")
    @ScopedByCaller("a business user gets its own statement only")
    public Map<String, Object> forMonth(@RequestParam String month) {
        YearMonth m = FeeStatementService.parseMonth(month);
        // Looked up once, not once per statement of the month.
        boolean all = scope.current().seesEveryBusiness();
        Set<String> own = all ? Set.of() : scope.ownBusinessIds();
        var views = repository.findByPeriodOrderByBusinessId(m.toString()).stream()
                .filter(s -> all || own.contains(s.getBusinessId()))
                .map(this::view).toList();
        BigDecimal ours = views.stream().map(StatementView::totalOurs)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal theirs = views.stream().map(StatementView::totalLender)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return Map.of("month", m.toString(), "statements", views, "totalOurs", ours,
                "totalLender", theirs);
    }

    @GetMapping("/api/fee-statements/{id}")
    @OwnedResource(OwnedKind.FEE_STATEMENT)
    public StatementView get(@PathVariable String id) {
        return view(statements.find(id));
    }

    @OwnedResource(OwnedKind.FEE_STATEMENT)
    @GetMapping(path = "/api/fee-statements/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The statement as the PDF sent to the business")
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        FeeStatement s = statements.find(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"releve-frais-"
                        + s.getPeriod() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(statements.pdf(id));
    }

    private StatementView view(FeeStatement s) {
        return new StatementView(s.getId(), s.getBusinessId(), s.getPeriod(), s.getStatus().name(),
                s.getStatus().label(), s.getTotalOurs(), s.getTotalLender(), s.getDifferences(),
                s.getAccountingEntryId(), statements.lines(s), s.getUpdatedAt());
    }
}
