package fr.cashadvance.financing;

import fr.cashadvance.security.OwnedResource;
import fr.cashadvance.security.OwnedKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Financings")
public class FinancingController {

    private final FinancingService service;

    public FinancingController(FinancingService service) {
        this.service = service;
    }

    @PostMapping("/api/invoices/{invoiceId}/financings")
    @OwnedResource(value = OwnedKind.INVOICE, pathVariable = "invoiceId")
    @Operation(summary = "Ask for an advance on an invoice: starts the journey in REQUESTED")
    public ResponseEntity<FinancingView> request(@PathVariable String invoiceId,
            @RequestBody(required = false) RepaymentDateRequest body, Principal principal) {
        FinancingView created = service.request(invoiceId,
                body == null ? null : body.repaymentDate(), principal.getName());
        return ResponseEntity.created(URI.create("/api/financings/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/invoices/{invoiceId}/financings")
    @OwnedResource(value = OwnedKind.INVOICE, pathVariable = "invoiceId")
    public List<FinancingView> forInvoice(@PathVariable String invoiceId) {
        return service.forInvoice(invoiceId);
    }

    @GetMapping("/api/financings/{id}")
    @OwnedResource(OwnedKind.FINANCING)
    public FinancingView get(@PathVariable String id) {
        return service.get(id);
    }

    @PostMapping("/api/financings/{id}/confirm")
    @OwnedResource(OwnedKind.FINANCING)
    @Operation(summary = "Confirm the recap (optionally with a new repayment date): locks the "
            + "invoice and sends the request to the lender")
    public FinancingView confirm(@PathVariable String id,
            @RequestBody(required = false) RepaymentDateRequest body, Principal principal) {
        return service.confirm(id, body == null ? null : body.repaymentDate(),
                principal.getName());
    }

    @PostMapping("/api/financings/{id}/validate")
    @OwnedResource(OwnedKind.FINANCING)
    @Operation(summary = "Validate the loan the lender accepted (same as the email's link)")
    public FinancingView validate(@PathVariable String id, Principal principal) {
        return service.validate(id, principal.getName());
    }

    @PostMapping("/api/financings/{id}/cancel")
    @OwnedResource(OwnedKind.FINANCING)
    @Operation(summary = "Cancel at the recap or instead of validating")
    public FinancingView cancel(@PathVariable String id, Principal principal) {
        return service.cancel(id, principal.getName());
    }

    @PutMapping("/api/financings/{id}/repayment-date")
    @OwnedResource(OwnedKind.FINANCING)
    @Operation(summary = "Move the repayment date: at the recap, or after funding (earlier any "
            + "time, later once by at most 30 days)")
    public FinancingView changeRepaymentDate(@PathVariable String id,
            @RequestBody RepaymentDateRequest body, Principal principal) {
        return service.changeRepaymentDate(id, body.repaymentDate(), principal.getName());
    }
}
