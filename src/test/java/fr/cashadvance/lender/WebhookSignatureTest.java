package fr.cashadvance.lender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.lender.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec-test-3f9a1c";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Instant SENT = Instant.parse("2026-03-02T09:15:30Z");
    private static final byte[] BODY = """
            {"event_type":"Loan.FUNDED","entity_type":"Loan","id":"loan-42","status":"FUNDED"}\
            """.getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature lender = new WebhookSignature(SECRET);
    private final WebhookSignature receiver = new WebhookSignature(SECRET);

    @Test
    void theSignatureIsHexHmacSha256OfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1772442930.".getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(mac.doFinal(BODY));

        assertThat(WebhookSignature.timestamp(SENT)).isEqualTo("1772442930");
        assertThat(lender.sign(SENT, BODY)).isEqualTo("v1=" + expected);
    }

    @Test
    void aSignedBodyReceivedWithinToleranceIsValid() {
        var check = receiver.verify("1772442930", lender.sign(SENT, BODY), BODY,
                SENT.plusSeconds(40), TOLERANCE);

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.signature()).contains(lender.sign(SENT, BODY).substring(3));
    }

    @Test
    void anUpperCaseSignatureIsTheSameSignature() {
        String upper = "v1=" + lender.sign(SENT, BODY).substring(3).toUpperCase();

        var check = receiver.verify("1772442930", upper, BODY, SENT, TOLERANCE);

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        // Replay detection keys on one spelling, whatever case the sender used.
        assertThat(check.signature()).contains(lender.sign(SENT, BODY).substring(3));
    }

    @Test
    void aChangedBodyIsRefused() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("FUNDED\"}", "REPAID\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(receiver.verify("1772442930", lender.sign(SENT, BODY), tampered, SENT,
                TOLERANCE).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aChangedTimestampIsRefusedAsABadSignatureNotAsStale() {
        String signature = lender.sign(SENT, BODY);

        assertThat(receiver.verify("1772442931", signature, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.INVALID);
        assertThat(receiver.verify("1772400000", signature, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void anotherKeyIsRefused() {
        String forged = new WebhookSignature("guessed-secret").sign(SENT, BODY);

        assertThat(receiver.verify("1772442930", forged, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void missingHeadersMeanUnsigned() {
        String signature = lender.sign(SENT, BODY);

        assertThat(receiver.verify(null, signature, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.UNSIGNED);
        assertThat(receiver.verify("1772442930", null, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.UNSIGNED);
        assertThat(receiver.verify(" ", " ", BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.UNSIGNED);
    }

    @Test
    void malformedHeadersAreRefused() {
        String signature = lender.sign(SENT, BODY);
        String hex = signature.substring(3);

        assertThat(receiver.verify("2026-03-02T09:15:30Z", signature, BODY, SENT, TOLERANCE)
                .verdict()).isEqualTo(Verdict.INVALID);
        assertThat(receiver.verify("-1772442930", signature, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.INVALID);
        assertThat(receiver.verify("1772442930", hex, BODY, SENT, TOLERANCE).verdict())
                .as("without its scheme").isEqualTo(Verdict.INVALID);
        assertThat(receiver.verify("1772442930", "v0=" + hex, BODY, SENT, TOLERANCE).verdict())
                .isEqualTo(Verdict.INVALID);
        assertThat(receiver.verify("1772442930", signature.substring(0, 40), BODY, SENT,
                TOLERANCE).verdict()).as("truncated").isEqualTo(Verdict.INVALID);
    }

    @Test
    void aSignedTimestampTooOldOrTooFarAheadIsOutOfTolerance() {
        String signature = lender.sign(SENT, BODY);

        assertThat(receiver.verify("1772442930", signature, BODY, SENT.plus(TOLERANCE), TOLERANCE)
                .verdict()).as("exactly at the limit").isEqualTo(Verdict.VALID);
        assertThat(receiver.verify("1772442930", signature, BODY,
                SENT.plus(TOLERANCE).plusSeconds(1), TOLERANCE).verdict())
                .isEqualTo(Verdict.OUT_OF_TOLERANCE);
        assertThat(receiver.verify("1772442930", signature, BODY,
                SENT.minus(TOLERANCE).minusSeconds(1), TOLERANCE).verdict())
                .as("from the future").isEqualTo(Verdict.OUT_OF_TOLERANCE);
    }

    @Test
    void duringARotationAnyListedSignatureMayMatch() {
        String oldKey = new WebhookSignature("previous-secret").sign(SENT, BODY);
        String newKey = lender.sign(SENT, BODY);

        assertThat(receiver.verify("1772442930", oldKey + ", " + newKey, BODY, SENT, TOLERANCE)
                .verdict()).isEqualTo(Verdict.VALID);
        assertThat(receiver.verify("1772442930", newKey + "," + oldKey, BODY, SENT, TOLERANCE)
                .verdict()).isEqualTo(Verdict.VALID);
        assertThat(receiver.verify("1772442930", "v0=abc, " + oldKey, BODY, SENT, TOLERANCE)
                .verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anEmptyBodyIsSignedLikeAnyOther() {
        byte[] empty = new byte[0];

        assertThat(receiver.verify("1772442930", lender.sign(SENT, empty), empty, SENT,
                TOLERANCE).verdict()).isEqualTo(Verdict.VALID);
        assertThat(receiver.verify("1772442930", lender.sign(SENT, empty), BODY, SENT,
                TOLERANCE).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aBlankSecretIsRefusedAndTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> new WebhookSignature(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LENDER_WEBHOOK_SECRET");
        assertThat(lender.toString()).doesNotContain(SECRET);
    }
}
