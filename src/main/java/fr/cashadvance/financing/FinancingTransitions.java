package fr.cashadvance.financing;

import static fr.cashadvance.financing.FinancingStatus.*;

import fr.cashadvance.invoice.InvoiceRepository;
import fr.cashadvance.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The one place where a financing changes status; each change is recorded with its cause. */
@Component
public class FinancingTransitions {

    private static final Logger log = LoggerFactory.getLogger(FinancingTransitions.class);

    private static final Map<FinancingStatus, Set<FinancingStatus>> ALLOWED = Map.of(
            REQUESTED, EnumSet.of(IN_EVALUATION, CANCELLED),
            IN_EVALUATION, EnumSet.of(TO_VALIDATE, DECLINED, CANCELLED),
            TO_VALIDATE, EnumSet.of(VALIDATED, CANCELLED, DECLINED),
            VALIDATED, EnumSet.of(FUNDED, TRANSFER_LATE, CANCELLED),
            TRANSFER_LATE, EnumSet.of(FUNDED, CANCELLED),
            FUNDED, EnumSet.of(REPAID, REPAYMENT_FAILED),
            REPAYMENT_FAILED, EnumSet.of(REPAID),
            REPAID, EnumSet.noneOf(FinancingStatus.class),
            DECLINED, EnumSet.noneOf(FinancingStatus.class),
            CANCELLED, EnumSet.noneOf(FinancingStatus.class));

    private final FinancingEventRepository events;
    private final InvoiceRepository invoices;
    private final Clock clock;

    public FinancingTransitions(FinancingEventRepository events, InvoiceRepository invoices,
                                Clock clock) {
        this.events = events;
        this.invoices = invoices;
        this.clock = clock;
    }

    public static boolean allowed(FinancingStatus from, FinancingStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    public void record(Financing f, FinancingStatus next, String cause, String actor) {
        if (!allowed(f.getStatus(), next)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "invalid-transition",
                    "Étape impossible", "Financing " + f.getId() + " is " + f.getStatus()
                    + "; it cannot become " + next + ".").with("financingStatus", f.getStatus());
        }
        Instant now = Instant.now(clock);
        f.moveTo(next);
        if (next.releasesInvoice()) {
            invoices.findById(f.getInvoiceId()).ifPresent(i -> i.unlock(now));
        }
        if (next == FUNDED) {
            f.funded(now);
        }
        events.save(new FinancingEvent(f.getId(), next, now, cause, actor));
        log.info("Financing {} is now {}: {}", f.getId(), next, cause);
    }

    /** The first entry of the history: the request itself. */
    public void recordRequested(Financing f, String actor) {
        events.save(new FinancingEvent(f.getId(), REQUESTED, f.getRequestedAt(),
                "Demande d'avance créée", actor));
        log.info("Financing {} requested for invoice {}", f.getId(), f.getInvoiceId());
    }
}
