package fr.cashadvance.lender.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Lets sandbox time pass on its own: wires and debits happen even when nobody asks. */
@Component
@ConditionalOnProperty(prefix = "sandbox-lender", name = "enabled", havingValue = "true")
class SandboxLenderTicker {

    private static final Logger log = LoggerFactory.getLogger(SandboxLenderTicker.class);

    private final SandboxLender lender;

    SandboxLenderTicker(SandboxLender lender) {
        this.lender = lender;
    }

    @Scheduled(fixedDelayString = "${sandbox-lender.tick-interval:PT5S}",
            initialDelayString = "${sandbox-lender.tick-interval:PT5S}")
    void tick() {
        try {
            lender.processDue();
        } catch (RuntimeException e) {
            // Keep ticking: a failed pass is retried whole on the next tick.
            log.warn("Sandbox lender: tick failed: {}", e.toString());
        }
    }
}
