package fr.cashadvance.financing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.financing.ValidationLinkCodec.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationLinkCodecTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:15:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(2));
    private static final String FINANCING = "5f0c7d2e-8a41-4c55-9d0e-3b7a1f6c2e90";
    private static final String INSTANCE = "b1e2c3d4-0000-11ef-9a7b-0242ac120002";

    private final ValidationLinkCodec codec = new ValidationLinkCodec("test-link-secret");

    private String token() {
        return codec.mint(FINANCING, INSTANCE, JourneyModel.TASK_VALIDATE_LOAN, DEADLINE);
    }

    @Test
    void aMintedTokenReadsBackItsClaims() {
        String token = token();

        var reading = codec.read(token, NOW);

        assertThat(reading.verdict()).isEqualTo(Verdict.AUTHENTIC);
        assertThat(reading.claims().financingId()).isEqualTo(FINANCING);
        assertThat(reading.claims().processInstanceId()).isEqualTo(INSTANCE);
        assertThat(reading.claims().taskKey()).isEqualTo(JourneyModel.TASK_VALIDATE_LOAN);
        assertThat(reading.claims().expiresAt()).isEqualTo(DEADLINE);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}")
                .hasSizeLessThan(ValidationLinkCodec.MAX_LENGTH);
    }

    @Test
    void twoLinksForTheSameTaskDifferByTheirNonce() {
        String first = token();
        String second = token();

        assertThat(first).isNotEqualTo(second);
        assertThat(ValidationLinkCodec.hash(first)).isNotEqualTo(ValidationLinkCodec.hash(second))
                .hasSize(64);
        assertThat(codec.read(first, NOW).claims().nonce())
                .isNotEqualTo(codec.read(second, NOW).claims().nonce())
                .hasSize(22);
    }

    @Test
    void anotherFinancingIdInThePayloadBreaksTheSignature() {
        String token = token();
        String payload = decode(token.substring(0, token.indexOf('.')));
        String swapped = payload.replace(FINANCING, "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d");

        String forged = encode(swapped) + token.substring(token.indexOf('.'));

        assertThat(codec.read(forged, NOW).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(codec.read(forged, NOW).claims()).isNull();
    }

    @Test
    void aLaterExpiryInThePayloadBreaksTheSignature() {
        String token = token();
        String payload = decode(token.substring(0, token.indexOf('.')));
        String later = payload.replace(Long.toString(DEADLINE.getEpochSecond()),
                Long.toString(DEADLINE.plus(Duration.ofDays(30)).getEpochSecond()));

        String forged = encode(later) + token.substring(token.indexOf('.'));

        assertThat(codec.read(forged, NOW).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anAlteredSignatureIsInvalid() {
        String token = token();
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                + token.charAt(token.length() - 1);

        assertThat(codec.read(altered, NOW).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void anotherSpellingOfTheSameSignatureBytesIsInvalid() {
        String token = token();
        // The last of 43 characters carries 4 bits of padding: flipping one keeps the bytes.
        char last = token.charAt(token.length() - 1);
        String spelling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char twin = spelling.charAt(spelling.indexOf(last) ^ 1);
        String respelled = token.substring(0, token.length() - 1) + twin;

        assertThat(respelled).isNotEqualTo(token);
        assertThat(codec.read(respelled, NOW).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsInvalid() {
        String token = new ValidationLinkCodec("rotated-link-secret")
                .mint(FINANCING, INSTANCE, JourneyModel.TASK_VALIDATE_LOAN, DEADLINE);

        assertThat(codec.read(token, NOW).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aTokenIsExpiredFromItsDeadlineOn() {
        String token = token();

        assertThat(codec.read(token, DEADLINE.minusSeconds(1)).verdict())
                .isEqualTo(Verdict.AUTHENTIC);
        var atDeadline = codec.read(token, DEADLINE);
        assertThat(atDeadline.verdict()).isEqualTo(Verdict.EXPIRED);
        assertThat(atDeadline.claims().financingId()).isEqualTo(FINANCING);
        assertThat(codec.read(token, DEADLINE.plus(Duration.ofDays(300))).verdict())
                .isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void truncatedOrGarbageInputIsInvalidWithoutAnException() {
        String token = token();
        String payload = token.substring(0, token.indexOf('.'));
        List<String> inputs = java.util.Arrays.asList(null, "", " ", ".", "a.b",
                token.substring(0, token.length() - 1),
                token.substring(0, token.length() / 2),
                payload, payload + ".", "." + token.substring(token.indexOf('.') + 1),
                token + ".x", token + "=", token.replace('.', '!'), token + " ",
                "%" + token.substring(1), "+" + token.substring(1), "/" + token.substring(1),
                "x".repeat(ValidationLinkCodec.MAX_LENGTH + 1),
                "é".repeat(80) + "." + "é".repeat(43),
                "A".repeat(100) + "." + "A".repeat(43),
                encode("v1|only|three") + "." + "A".repeat(43));

        for (String input : inputs) {
            var reading = codec.read(input, NOW);
            assertThat(reading.verdict()).as("%s", input).isEqualTo(Verdict.INVALID);
            assertThat(reading.claims()).as("%s", input).isNull();
        }
    }

    @Test
    void aSignedPayloadOfTheWrongLayoutIsInvalid() {
        String forged = signedWithTestSecret("v1|" + FINANCING + "|" + INSTANCE + "|task|soon|n");
        String wrongVersion = signedWithTestSecret("v9|" + FINANCING + "|" + INSTANCE
                + "|task|" + DEADLINE.getEpochSecond() + "|nonce");
        String emptyField = signedWithTestSecret("v1||" + INSTANCE
                + "|task|" + DEADLINE.getEpochSecond() + "|nonce");

        assertThat(codec.read(forged, NOW).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(codec.read(wrongVersion, NOW).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(codec.read(emptyField, NOW).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aBlankSecretStopsTheServiceAndFieldsCannotSmuggleASeparator() {
        assertThatThrownBy(() -> new ValidationLinkCodec(" "))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LINK_SIGNING_SECRET");
        assertThatThrownBy(() -> codec.mint(FINANCING + "|other", INSTANCE, "task", DEADLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePropertiesNeverPrintTheSecret() {
        var props = new FinancingProperties(Duration.ofDays(7), Duration.ofDays(2),
                Duration.ofHours(48), Duration.ofMinutes(1), Duration.ofHours(1),
                java.time.LocalTime.of(10, 0), "", "demo-link-signing-secret");

        assertThat(props.toString()).doesNotContain("demo-link-signing-secret")
                .contains("linkSecret=***");
    }

    /** What a holder of the key could sign: proves the layout checks, not the signature. */
    private static String signedWithTestSecret(String payload) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    "test-link-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            return encode(payload) + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(bytes));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
