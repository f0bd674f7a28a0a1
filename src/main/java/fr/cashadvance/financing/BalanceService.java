package fr.cashadvance.financing;

import fr.cashadvance.business.Business;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Available balance = credit limit − outstanding − pending validation (DOMAIN §7). */
@Component
public class BalanceService {

    private final FinancingRepository financings;

    public BalanceService(FinancingRepository financings) {
        this.financings = financings;
    }

    public BigDecimal outstanding(Business business) {
        return financings.sumAmount(business.getId(), FinancingStatus.outstandingStatuses())
                .setScale(2);
    }

    public BigDecimal pendingValidation(Business business) {
        return financings.sumAmount(business.getId(), FinancingStatus.pendingStatuses())
                .setScale(2);
    }

    public BigDecimal available(Business business) {
        BigDecimal reserved = financings.sumAmount(business.getId(),
                FinancingStatus.reservingBalance());
        return business.getCreditLimit().subtract(reserved).setScale(2);
    }
}
