package fr.cashadvance.invoice;

import fr.cashadvance.security.ScopedByCaller;
import fr.cashadvance.security.Caller;
import fr.cashadvance.security.BusinessScope;
import fr.cashadvance.security.OwnedResource;
import fr.cashadvance.security.OwnedKind;
import fr.cashadvance.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Invoices")
public class InvoiceController {

    private static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

    private final InvoiceService service;
    private final BusinessScope scope;

    public InvoiceController(InvoiceService service, BusinessScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an invoice from JSON (a draft unless state is ISSUED)")
    @ScopedByCaller("the business named in the body")
    public ResponseEntity<InvoiceView> create(@Valid @RequestBody InvoiceRequest request) {
        scope.requireVisibleBusiness(request.businessId());
        InvoiceView created = service.create(request);
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id())).body(created);
    }

    @PostMapping(path = "/import", consumes = {MediaType.APPLICATION_XML_VALUE,
            MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Import a Factur-X PDF, CII XML or UBL 2.1 XML e-invoice")
    @ScopedByCaller("the seller must be the business asked for, or the caller's own")
    public ResponseEntity<InvoiceView> importRaw(
            @RequestBody byte[] content,
            @RequestParam(required = false) String businessId) {
        return imported(service.importFile(checkSize(content), importingFor(businessId)));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an e-invoice sent as the multipart field 'file'")
    @ScopedByCaller("the seller must be the business asked for, or the caller's own")
    public ResponseEntity<InvoiceView> importMultipart(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String businessId) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-file", "Fichier manquant",
                    "The multipart request must carry the e-invoice in the field 'file'.")
                    .with("field", "file");
        }
        return imported(service.importFile(checkSize(file.getBytes()),
                importingFor(businessId)));
    }

    @GetMapping("/{id}")
    @OwnedResource(OwnedKind.INVOICE)
    public InvoiceView get(@PathVariable String id) {
        return service.get(id);
    }

    @OwnedResource(OwnedKind.INVOICE)
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a draft invoice; 409 once issued or locked by a financing")
    public InvoiceView update(@PathVariable String id, @Valid @RequestBody InvoiceRequest request) {
        return service.update(id, request);
    }

    @PostMapping("/{id}/issue")
    @OwnedResource(OwnedKind.INVOICE)
    @Operation(summary = "Issue a draft invoice (it can no longer be changed)")
    public InvoiceView issue(@PathVariable String id) {
        return service.issue(id);
    }

    /**
     * The business an import must belong to: the one asked for, which the caller must see, or,
     * for a business's own user, always that business, so a file sold by another business is
     * refused rather than filed under it.
     */
    private String importingFor(String businessId) {
        if (businessId != null) {
            scope.requireVisibleBusiness(businessId);
            return businessId;
        }
        if (scope.current().role() != Caller.Role.BUSINESS) {
            return null;
        }
        return scope.ownBusinessId().orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
                "missing-parameter", "Paramètre manquant", "Give 'businessId': the business "
                + "this invoice is imported for.").with("field", "businessId"));
    }

    private static ResponseEntity<InvoiceView> imported(InvoiceView view) {
        return ResponseEntity.created(URI.create("/api/invoices/" + view.id())).body(view);
    }

    private static byte[] checkSize(byte[] content) {
        if (content == null || content.length == 0) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "einvoice-unreadable",
                    "Facture électronique illisible", "The request body is empty.")
                    .with("rule", "einvoice.empty");
        }
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large",
                    "Fichier trop volumineux", "E-invoices are limited to 10 MB.");
        }
        return content;
    }
}
