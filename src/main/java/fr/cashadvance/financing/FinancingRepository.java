package fr.cashadvance.financing;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface FinancingRepository extends JpaRepository<Financing, String> {

    Optional<Financing> findByLenderLoanId(String lenderLoanId);

    Optional<Financing> findByActiveInvoiceId(String invoiceId);

    List<Financing> findByBusinessIdAndFundedAtIsNotNullOrderByFundedAt(String businessId);

    List<Financing> findByFundedAtIsNotNull();

    List<Financing> findByInvoiceIdOrderByRequestedAtDesc(String invoiceId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Financing f where f.id = :id")
    Optional<Financing> lockById(@Param("id") String id);

    @Query("select coalesce(sum(f.amount), 0) from Financing f "
            + "where f.businessId = :businessId and f.status in :statuses")
    BigDecimal sumAmount(@Param("businessId") String businessId,
                         @Param("statuses") Collection<FinancingStatus> statuses);
}
