package fr.cashadvance.statement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeeStatementRepository extends JpaRepository<FeeStatement, String> {

    Optional<FeeStatement> findByBusinessIdAndPeriod(String businessId, String period);

    List<FeeStatement> findByPeriodOrderByBusinessId(String period);
}
