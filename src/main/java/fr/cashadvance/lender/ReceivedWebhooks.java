package fr.cashadvance.lender;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhook signatures already accepted (table {@code received_webhook}), so that a copy of a
 * signed request is refused. Each statement commits on its own: the row must be visible to a
 * concurrent copy before the first one is handled, and stays if handling fails, since the
 * lender's redelivery carries a new timestamp and so a new signature.
 */
@Component
public class ReceivedWebhooks {

    private static final Logger log = LoggerFactory.getLogger(ReceivedWebhooks.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration keep;
    private final AtomicReference<Instant> nextCleanup = new AtomicReference<>(Instant.MIN);

    public ReceivedWebhooks(JdbcTemplate jdbc, Clock clock, LenderProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Older copies are refused by the timestamp check; the margin covers clock changes.
        this.keep = properties.webhookTolerance().multipliedBy(2);
    }

    /**
     * Records a verified signature; false when it was recorded before, by this request's twin
     * included (the primary key decides between simultaneous copies).
     */
    public boolean firstTime(String signatureHex) {
        Instant now = clock.instant();
        boolean first;
        try {
            jdbc.update("insert into received_webhook (signature_sha256, received_at) "
                    + "values (?, ?)", sha256(signatureHex), utc(now));
            first = true;
        } catch (DuplicateKeyException seen) {
            first = false;
        }
        forgetOldOnceInAWhile(now);
        return first;
    }

    private void forgetOldOnceInAWhile(Instant now) {
        Instant due = nextCleanup.get();
        if (now.isBefore(due) || !nextCleanup.compareAndSet(due, now.plus(CLEANUP_EVERY))) {
            return;
        }
        try {
            int deleted = jdbc.update("delete from received_webhook where received_at < ?",
                    utc(now.minus(keep)));
            if (deleted > 0) {
                log.debug("Forgot {} webhook signatures older than {}", deleted, keep);
            }
        } catch (DataAccessException e) {
            // Housekeeping only: the next pass retries, and the webhook was already recorded.
            log.warn("Could not delete old webhook signatures: {}", e.toString());
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
