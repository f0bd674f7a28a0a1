package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.financing.FinancingStatus;
import fr.cashadvance.financing.FinancingView;
import fr.cashadvance.financing.JourneyTestSupport;
import fr.cashadvance.lender.LenderClient;
import fr.cashadvance.lender.LenderLoanStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Only the business validates its loan. An operator may not move a journey past the business's
 * decision, and even an administrator who does so commits nothing at the lender.
 */
class NoDecisionWithoutTheBusinessTest extends JourneyTestSupport {

    private static final String PASSWORD = "test-password";

    @Autowired private LenderClient lender;
    @Autowired private org.camunda.bpm.engine.IdentityService identity;
    @Autowired private BusinessAccess access;

    @Test
    void anOperatorCannotMoveAJourneyPastTheBusinessValidation() {
        FinancingView f = toValidate(issuedInvoice("360.00", BUYER_SIREN));

        ResponseEntity<String> moved = skipValidation("ops", f);

        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        assertThat(hasJob(f, "Task_ValidateAtLender")).isFalse();
        assertThat(lender.getLoan(f.lenderLoanId()).status())
                .isEqualTo(LenderLoanStatus.TO_VALIDATE);
        financings.cancel(f.id(), "test");
    }

    @Test
    void aJourneyMovedByHandPastTheValidationSendsNothingToTheLender() {
        FinancingView f = toValidate(issuedInvoice("370.00", BUYER_SIREN));

        ResponseEntity<String> moved = skipValidation("admin", f);
        assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThatThrownBy(() -> executeJob(f, "Task_ValidateAtLender"))
                .hasMessageContaining("has not validated the loan");
        assertThat(lender.getLoan(f.lenderLoanId()).status())
                .isEqualTo(LenderLoanStatus.TO_VALIDATE);
        assertThat(status(f.id())).isEqualTo(FinancingStatus.TO_VALIDATE);
        runtime.deleteProcessInstance(f.processInstanceId(), "test: journey moved by hand");
    }

    @Test
    void anOperatorWhoTakesTheBusinessAddressStillReadsNoneOfItsMails() {
        toValidate(issuedInvoice("380.00", BUYER_SIREN));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var profile = Map.of("id", "ops", "firstName", "Olivier", "lastName", "Opérations",
                "email", "alice@au-bon-moulin.example");
        ResponseEntity<String> changed = rest.withBasicAuth("ops", PASSWORD).exchange(
                "/engine-rest/user/ops/profile", HttpMethod.PUT,
                new HttpEntity<>(profile, headers), String.class);
        try {
            assertThat(changed.getStatusCode()).as("any user may edit its own profile")
                    .isEqualTo(HttpStatus.NO_CONTENT);

            assertThat(rest.withBasicAuth("ops", PASSWORD)
                    .getForObject("/mailbox/messages", String.class)).isEqualTo("[]");
            assertThat(rest.withBasicAuth("alice", PASSWORD)
                    .getForObject("/mailbox/messages", String.class))
                    .contains("alice@au-bon-moulin.example");
        } finally {
            var ops = identity.createUserQuery().userId("ops").singleResult();
            ops.setEmail("ops@cash-advance.local");
            identity.saveUser(ops);
        }
    }

    @Test
    void aBusinessGivingAnotherBusinessAddressReadsNoneOfItsMails() {
        toValidate(issuedInvoice("390.00", BUYER_SIREN));
        var copycat = connectedBusiness("Copie");
        copycat.setRepresentativeEmail("alice@au-bon-moulin.example");
        businessRepository.save(copycat);
        String group = access.ensureGroup(copycat);
        var user = identity.newUser("copycat-" + copycat.getSiren());
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(user.getId(), group);

        assertThat(rest.withBasicAuth(user.getId(), PASSWORD)
                .getForObject("/mailbox/messages", String.class)).isEqualTo("[]");
        assertThat(rest.withBasicAuth("alice", PASSWORD)
                .getForObject("/mailbox/messages", String.class))
                .contains("alice@au-bon-moulin.example");
    }

    private ResponseEntity<String> skipValidation(String user, FinancingView f) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var body = Map.of("skipCustomListeners", true, "instructions", List.of(
                Map.of("type", "startBeforeActivity", "activityId", "Task_ValidateAtLender"),
                Map.of("type", "cancel", "activityId", "UserTask_ValidateLoan")));
        return rest.withBasicAuth(user, PASSWORD).exchange("/engine-rest/process-instance/"
                        + f.processInstanceId() + "/modification", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }
}
