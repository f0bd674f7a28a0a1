package fr.cashadvance.lender.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SandboxWebhookRepository extends JpaRepository<SandboxWebhook, Long> {

    @Query("""
            select w from SandboxWebhook w
            where w.sentAt is null and w.attempts < :maxAttempts and w.nextAttemptAt <= :now
            order by w.id asc""")
    List<SandboxWebhook> findDue(@Param("maxAttempts") int maxAttempts,
                                 @Param("now") Instant realNow, Limit limit);

    @Query("""
            select min(w.nextAttemptAt) from SandboxWebhook w
            where w.sentAt is null and w.attempts < :maxAttempts""")
    Optional<Instant> nextAttemptAt(@Param("maxAttempts") int maxAttempts);
}
