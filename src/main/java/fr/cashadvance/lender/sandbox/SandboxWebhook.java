package fr.cashadvance.lender.sandbox;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One webhook in the outbox. Attempt times are real times: retries do not follow the clock. */
@Entity
@Table(name = "sandbox_webhook")
class SandboxWebhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String eventType;
    private String entityType;
    private String entityId;
    private String payload;
    private Instant createdAt;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant sentAt;
    private String lastError;

    protected SandboxWebhook() {
    }

    SandboxWebhook(String eventType, String entityType, String entityId, String payload,
                   Instant realNow) {
        this.eventType = eventType;
        this.entityType = entityType;
        this.entityId = entityId;
        this.payload = payload;
        this.createdAt = realNow;
        this.nextAttemptAt = realNow;
    }

    void markSent(Instant realNow) {
        attempts++;
        sentAt = realNow;
        lastError = null;
    }

    void markFailed(Instant realNow, Duration backoff, String error) {
        attempts++;
        nextAttemptAt = realNow.plus(backoff);
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    Long getId() {
        return id;
    }

    String getEventType() {
        return eventType;
    }

    String getEntityId() {
        return entityId;
    }

    String getPayload() {
        return payload;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
