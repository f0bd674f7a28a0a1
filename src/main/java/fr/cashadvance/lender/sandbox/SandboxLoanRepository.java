package fr.cashadvance.lender.sandbox;

import fr.cashadvance.lender.LenderLoanStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SandboxLoanRepository extends JpaRepository<SandboxLoan, String> {

    Optional<SandboxLoan> findBySaltId(String saltId);

    /** The loan whose automatic step is due first; ties go to the oldest loan. */
    @Query("""
            select l from SandboxLoan l where l.nextActionAt <= :now
            order by l.nextActionAt asc, l.createdAt asc, l.id asc""")
    List<SandboxLoan> findDue(@Param("now") Instant sandboxNow, Limit limit);

    List<SandboxLoan> findAllByOrderByCreatedAtDesc();

    /** The borrower's loans that were wired, the only ones that accrue fees; oldest first. */
    List<SandboxLoan> findByBorrowerSirenAndPaidAtIsNotNullOrderByPaidAtAscIdAsc(String siren);

    @Query("""
            select coalesce(sum(l.amount), 0) from SandboxLoan l
            where l.borrowerSiren = :siren and l.status in :statuses""")
    long sumAmount(@Param("siren") String borrowerSiren,
                   @Param("statuses") Collection<LenderLoanStatus> statuses);
}
