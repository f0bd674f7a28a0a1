package fr.cashadvance.connection;

import java.math.BigDecimal;
import java.time.Instant;

/** A connection request as the API shows it; the IBAN is masked. */
public record ConnectionView(
        String id,
        String siret,
        String legalName,
        String apeCode,
        String iban,
        ConnectionRequestStatus status,
        String statusLabel,
        String reason,
        String businessId,
        BigDecimal creditLimit,
        String processInstanceId,
        Instant createdAt,
        Instant decidedAt) {

    static ConnectionView of(ConnectionRequest r) {
        return new ConnectionView(r.getId(), r.getSiret(), r.getLegalName(), r.getApeCode(),
                fr.cashadvance.identifiers.Iban.mask(r.getIban()), r.getStatus(),
                r.getStatus().label(), r.getReason(), r.getBusinessId(), r.getCreditLimit(),
                r.getProcessInstanceId(), r.getCreatedAt(), r.getDecidedAt());
    }
}
