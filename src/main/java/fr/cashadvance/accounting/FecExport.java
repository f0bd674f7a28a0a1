package fr.cashadvance.accounting;

import fr.cashadvance.business.BusinessRepository;
import fr.cashadvance.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The FEC of one business over a period of entry dates. */
@Service
public class FecExport {

    private final AccountingService accounting;
    private final BusinessRepository businesses;
    private final FecWriter writer;

    public FecExport(AccountingService accounting, BusinessRepository businesses,
                     AccountingProperties accounts) {
        this.accounting = accounting;
        this.businesses = businesses;
        this.writer = new FecWriter(accounts);
    }

    /** fileName is the legal one: SIREN, "FEC", closing date as yyyyMMdd, ".txt". */
    public record FecFile(String fileName, String content) {
    }

    @Transactional(readOnly = true)
    public FecFile export(String businessId, LocalDate from, LocalDate to) {
        var business = businesses.findById(businessId)
                .orElseThrow(() -> ApiProblem.notFound("Entreprise", businessId));
        var entries = accounting.find(
                new AccountingService.Filter(businessId, null, from, to));
        String name = business.getSiren() + "FEC"
                + DateTimeFormatter.BASIC_ISO_DATE.format(to) + ".txt";
        return new FecFile(name, writer.write(entries));
    }
}
