package fr.cashadvance.accounting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountingEntryRepository extends JpaRepository<AccountingEntry, String> {

    List<AccountingEntry> findByFinancingIdOrderByCreatedAtAsc(String financingId);

    List<AccountingEntry> findByBusinessIdOrderByEntryDateAscCreatedAtAsc(String businessId);

    Optional<AccountingEntry> findByFinancingIdAndKind(String financingId, EntryKind kind);
}
