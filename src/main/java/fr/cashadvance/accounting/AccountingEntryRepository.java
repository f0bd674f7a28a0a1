package fr.cashadvance.accounting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountingEntryRepository extends JpaRepository<AccountingEntry, String> {

    List<AccountingEntry> findByFinancingIdOrderByCreatedAtAsc(String financingId);

    List<AccountingEntry> findByFinancingIdOrderByEntryDateAscCreatedAtAsc(String financingId);

    List<AccountingEntry> findByBusinessIdOrderByEntryDateAscCreatedAtAsc(String businessId);

    /** The entry of a financing for ADVANCE_RECEIVED / ADVANCE_REPAID (not reversals). */
    Optional<AccountingEntry> findByFinancingIdAndKindAndReversesEntryIdIsNull(
            String financingId, EntryKind kind);

    Optional<AccountingEntry> findByBusinessIdAndKindAndPeriod(String businessId, EntryKind kind,
                                                               String period);

    Optional<AccountingEntry> findByReversesEntryId(String reversedEntryId);
}
