package fr.cashadvance.accounting;

import fr.cashadvance.security.ScopedByCaller;
import fr.cashadvance.security.BusinessScope;
import fr.cashadvance.security.OwnedResource;
import fr.cashadvance.security.OwnedKind;
import fr.cashadvance.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounting")
public class AccountingController {

    static final MediaType FEC_TYPE =
            new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8);

    private final AccountingService accounting;
    private final FecExport fec;

    private final BusinessScope scope;

    public AccountingController(AccountingService accounting, FecExport fec,
                                BusinessScope scope) {
        this.scope = scope;
        this.accounting = accounting;
        this.fec = fec;
    }

    public record LineView(String account, String accountLabel, String auxAccount,
                           String auxLabel, BigDecimal debit, BigDecimal credit) {
    }

    public record EntryView(String id, String journal, String kind, LocalDate date, String label,
                            String businessId, String financingId, String invoiceId,
                            String pieceRef, String period, String reversesEntryId,
                            String reason, BigDecimal totalDebit, BigDecimal totalCredit,
                            List<LineView> lines) {
    }

    /** The ledger: the entries found and their totals, which are equal (each entry balances). */
    public record Ledger(List<EntryView> entries, BigDecimal totalDebit, BigDecimal totalCredit) {
    }

    public record ReverseRequest(String reason) {
    }

    @GetMapping("/api/accounting/entries")
    @Operation(summary = "Journal entries (OD) of a financing or of a business, with totals",
            description = "Filters combine; from and to are inclusive entry dates.")
    @ScopedByCaller("the business or financing asked for must be the caller's")
    public Ledger entries(
            @RequestParam(required = false) String financingId,
            @RequestParam(required = false) String businessId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {
        if (financingId == null && businessId == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-filter", "Filtre manquant",
                    "Give 'financingId' or 'businessId'.").with("field", "financingId");
        }
        if (businessId != null) {
            scope.requireVisibleBusiness(businessId);
        }
        if (financingId != null) {
            scope.requireVisible(OwnedKind.FINANCING, financingId);
        }
        checkPeriod(from, to);
        List<AccountingEntry> found = accounting.find(
                new AccountingService.Filter(businessId, financingId, from, to));
        BigDecimal debit = found.stream().map(AccountingEntry::totalDebit)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal credit = found.stream().map(AccountingEntry::totalCredit)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Ledger(found.stream().map(AccountingController::view).toList(), debit, credit);
    }

    @PostMapping("/api/accounting/entries/{id}/reverse")
    @OwnedResource(OwnedKind.ACCOUNTING_ENTRY)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cancel an entry by booking its mirror (extourne); once per entry")
    public EntryView reverse(@PathVariable String id, @RequestBody ReverseRequest request) {
        return view(accounting.reverse(id, request.reason()));
    }

    @GetMapping("/api/accounting/fec")
    @Operation(summary = "Fichier des écritures comptables of a business over a period")
    @ScopedByCaller("the business asked for must be the caller's")
    public ResponseEntity<String> fec(
            @RequestParam(required = false) String businessId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to) {
        String missing = businessId == null ? "businessId" : from == null ? "from"
                : to == null ? "to" : null;
        if (missing != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-parameter",
                    "Paramètre manquant", "Give 'businessId', 'from' and 'to' (YYYY-MM-DD).")
                    .with("field", missing);
        }
        scope.requireVisibleBusiness(businessId);
        checkPeriod(from, to);
        FecExport.FecFile file = fec.export(businessId, from, to);
        return ResponseEntity.ok()
                .contentType(FEC_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-period", "Période invalide",
                    "'from' (" + from + ") is after 'to' (" + to + ").").with("field", "from");
        }
    }

    private static EntryView view(AccountingEntry e) {
        return new EntryView(e.getId(), e.getJournal(), e.getKind().name(), e.getEntryDate(),
                e.getLabel(), e.getBusinessId(), e.getFinancingId(), e.getInvoiceId(),
                e.getPieceRef(), e.getPeriod(), e.getReversesEntryId(), e.getReason(),
                e.totalDebit(), e.totalCredit(), e.getLines().stream()
                .map(l -> new LineView(l.getAccount(), l.getAccountLabel(), l.getAuxAccount(),
                        l.getAuxLabel(), l.getDebit(), l.getCredit())).toList());
    }
}
