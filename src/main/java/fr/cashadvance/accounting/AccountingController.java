package fr.cashadvance.accounting;

import fr.cashadvance.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounting")
public class AccountingController {

    private final AccountingService accounting;

    public AccountingController(AccountingService accounting) {
        this.accounting = accounting;
    }

    public record LineView(String account, String accountLabel, BigDecimal debit,
                           BigDecimal credit) {
    }

    public record EntryView(String id, String journal, String kind, LocalDate date, String label,
                            String businessId, String financingId, String invoiceId,
                            BigDecimal totalDebit, BigDecimal totalCredit, List<LineView> lines) {
    }

    @GetMapping("/api/accounting/entries")
    @Operation(summary = "Journal entries (OD) of a financing or of a business")
    public List<EntryView> entries(@RequestParam(required = false) String financingId,
                                   @RequestParam(required = false) String businessId) {
        List<AccountingEntry> found;
        if (financingId != null) {
            found = accounting.forFinancing(financingId);
        } else if (businessId != null) {
            found = accounting.forBusiness(businessId);
        } else {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-filter", "Filtre manquant",
                    "Give 'financingId' or 'businessId'.").with("field", "financingId");
        }
        return found.stream().map(AccountingController::view).toList();
    }

    private static EntryView view(AccountingEntry e) {
        return new EntryView(e.getId(), e.getJournal(), e.getKind().name(), e.getEntryDate(),
                e.getLabel(), e.getBusinessId(), e.getFinancingId(), e.getInvoiceId(),
                e.totalDebit(), e.totalCredit(), e.getLines().stream()
                .map(l -> new LineView(l.getAccount(), l.getAccountLabel(), l.getDebit(),
                        l.getCredit())).toList());
    }
}
