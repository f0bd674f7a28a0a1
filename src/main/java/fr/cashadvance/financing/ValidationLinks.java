package fr.cashadvance.financing;

import static fr.cashadvance.financing.JourneyModel.TASK_VALIDATE_LOAN;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The validation links of the email: issued with the email, and used at most once, for the one
 * financing and task they were signed for. Every refusal changes nothing.
 */
@Service
class ValidationLinks {

    private static final Logger log = LoggerFactory.getLogger(ValidationLinks.class);

    static final String ACTOR = "lien email";

    /** Where a link stands, in the order it is checked. */
    enum State { INVALID, EXPIRED, USED, NOT_ALLOWED, USABLE }

    /** The state, and the financing and claims once the signature held. */
    record Check(State state, Financing financing, ValidationLinkClaims claims) {

        static Check of(State state) {
            return new Check(state, null, null);
        }
    }

    private final ValidationLinkCodec codec;
    private final FinancingRepository financings;
    private final FinancingService service;
    private final TaskService tasks;
    private final Clock clock;

    ValidationLinks(ValidationLinkCodec codec, FinancingRepository financings,
                    FinancingService service, TaskService tasks, Clock clock) {
        this.codec = codec;
        this.financings = financings;
        this.service = service;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * A new link for the financing's "Valider le prêt" task, valid until the validation
     * deadline. Only its hash is kept, and it replaces any earlier link's.
     */
    String issue(Financing f, Instant expiresAt) {
        String token = codec.mint(f.getId(), f.getProcessInstanceId(), TASK_VALIDATE_LOAN,
                expiresAt);
        f.validationToken(ValidationLinkCodec.hash(token), expiresAt);
        return token;
    }

    /** For the page the link opens: reads only, since mail scanners open links too. */
    @Transactional(readOnly = true)
    Check inspect(String token) {
        return check(token, false);
    }

    /**
     * Validates or cancels. The financing row is locked before the hash is compared, so of two
     * clicks racing with the same link the second finds the hash gone. A refusal by the service
     * propagates and rolls everything back.
     */
    @Transactional
    Check use(String token, boolean cancel) {
        Check check = check(token, true);
        if (check.state() != State.USABLE) {
            if (check.financing() != null) {
                log.info("Financing {}: validation link refused ({})",
                        check.financing().getId(), check.state());
            } else {
                log.info("Validation link refused ({})", check.state());
            }
            return check;
        }
        String id = check.financing().getId();
        if (cancel) {
            service.cancel(id, ACTOR);
        } else {
            service.validate(id, ACTOR);
        }
        log.info("Financing {}: {} through the email link", id, cancel ? "cancelled" : "validated");
        return check;
    }

    private Check check(String token, boolean lock) {
        ValidationLinkCodec.Reading reading = codec.read(token, Instant.now(clock));
        switch (reading.verdict()) {
            case INVALID:
                return Check.of(State.INVALID);
            case EXPIRED:
                return new Check(State.EXPIRED, null, reading.claims());
            default:
                break;
        }
        ValidationLinkClaims claims = reading.claims();
        Optional<Financing> found = lock ? financings.lockById(claims.financingId())
                : financings.findById(claims.financingId());
        if (found.isEmpty()) {
            // Signed by us for a financing we no longer have: a database reset, as good as forged.
            return Check.of(State.INVALID);
        }
        Financing f = found.get();
        // LIMITATION: every way out of TO_VALIDATE clears the hash, so a link whose request was
        // validated in Tasklist or by the API also reads "déjà utilisé", not "impossible".
        if (!sameHash(f.getValidationTokenHash(), ValidationLinkCodec.hash(token))) {
            return new Check(State.USED, f, claims);
        }
        boolean allowed = f.getStatus() == FinancingStatus.TO_VALIDATE
                && claims.processInstanceId().equals(f.getProcessInstanceId())
                && TASK_VALIDATE_LOAN.equals(claims.taskKey())
                && tasks.createTaskQuery().processInstanceId(claims.processInstanceId())
                        .taskDefinitionKey(claims.taskKey()).active().count() == 1;
        return new Check(allowed ? State.USABLE : State.NOT_ALLOWED, f, claims);
    }

    private static boolean sameHash(String stored, String presented) {
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
