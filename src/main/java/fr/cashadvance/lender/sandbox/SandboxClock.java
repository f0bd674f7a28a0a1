package fr.cashadvance.lender.sandbox;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sandbox time = real time + a persisted offset, like a payment provider's test clock. Only the
 * sandbox lender follows it; the process engine's timers keep real time.
 */
// LIMITATION: the offset is cached in memory; two application instances sharing one database
// would each keep their own copy until restarted. The sandbox is meant to run as one instance.
@Component
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
class SandboxClock {

    private final SandboxClockRepository repository;
    private volatile Long offsetMillis;

    SandboxClock(SandboxClockRepository repository) {
        this.repository = repository;
    }

    Instant now() {
        return Instant.now().plusMillis(offsetMillis());
    }

    Duration offset() {
        return Duration.ofMillis(offsetMillis());
    }

    /** Called once the new offset is committed. */
    void useOffset(long millis) {
        offsetMillis = millis;
    }

    private long offsetMillis() {
        Long cached = offsetMillis;
        if (cached == null) {
            cached = repository.findById(SandboxClockState.SINGLE_ROW)
                    .map(SandboxClockState::getOffsetMillis)
                    .orElse(0L);
            offsetMillis = cached;
        }
        return cached;
    }
}
