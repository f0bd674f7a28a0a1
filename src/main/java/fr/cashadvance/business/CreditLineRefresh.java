package fr.cashadvance.business;

import fr.cashadvance.common.Money;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderCreditLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lender said a credit line changed: read it again (the webhook is only a hint) and keep
 * the business's limit and blocked state in step.
 */
@Service
public class CreditLineRefresh {

    private static final Logger log = LoggerFactory.getLogger(CreditLineRefresh.class);

    private final BusinessRepository businesses;
    private final LenderClient lender;

    public CreditLineRefresh(BusinessRepository businesses, LenderClient lender) {
        this.businesses = businesses;
        this.lender = lender;
    }

    @Transactional
    public boolean refresh(String siren) {
        var found = businesses.findBySiren(siren);
        if (found.isEmpty() || found.get().getConnectionStatus() == ConnectionStatus.DISCONNECTED) {
            return false;
        }
        Business b = businesses.lockById(found.get().getId()).orElseThrow();
        LenderCreditLine line = lender.creditLine(siren);
        boolean blocked = "BLOCKED".equals(line.status());
        b.creditLineChanged(Money.fromCents(line.poolAmount()), blocked,
                blocked ? "Connexion bloquée par le prêteur" : null);
        log.info("Business {} credit line refreshed: limit {} EUR, {}", b.getId(),
                b.getCreditLimit(), b.getConnectionStatus());
        return true;
    }
}
