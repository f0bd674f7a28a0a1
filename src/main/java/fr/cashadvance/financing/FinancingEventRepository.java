package fr.cashadvance.financing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FinancingEventRepository extends JpaRepository<FinancingEvent, Long> {

    List<FinancingEvent> findByFinancingIdOrderByIdAsc(String financingId);
}
