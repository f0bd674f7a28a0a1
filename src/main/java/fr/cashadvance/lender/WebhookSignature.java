package fr.cashadvance.lender;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The lender's webhook signature: {@code X-Webhook-Signature: v1=<hex>} where hex is
 * HMAC-SHA256(secret, timestamp + "." + raw body), and {@code X-Webhook-Timestamp} the unix
 * time in seconds of the attempt. Signing the timestamp lets the receiver refuse old copies;
 * signing the raw bytes means the receiver must check them before parsing anything.
 *
 * <p>The signature header may carry several comma-separated {@code v1=} values, one per key,
 * so that the lender can sign with the old and the new key while the receiver switches.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String SCHEME = "v1=";
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** What a check of one request found; only {@link #VALID} may be acted on. */
    public enum Verdict { VALID, UNSIGNED, INVALID, OUT_OF_TOLERANCE }

    /**
     * @param verdict   the outcome
     * @param signature for {@link Verdict#VALID} and {@link Verdict#OUT_OF_TOLERANCE}, the
     *                  signature that matched, in lower-case hex (what replay detection keys on)
     */
    public record Check(Verdict verdict, Optional<String> signature) {

        static Check of(Verdict verdict) {
            return new Check(verdict, Optional.empty());
        }

        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    "A webhook secret is required (LENDER_WEBHOOK_SECRET)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@code X-Webhook-Signature} value for this body sent at this moment. */
    public String sign(Instant at, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(at.getEpochSecond(), body));
    }

    /** The {@code X-Webhook-Timestamp} value for this moment. */
    public static String timestamp(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    /**
     * Checks the signature first, then the timestamp: a forged request learns nothing about our
     * clock, and a stale one is only reported as stale when it really came from the lender.
     */
    public Check verify(String timestampHeader, String signatureHeader, byte[] body,
                        Instant now, Duration tolerance) {
        if (isBlank(timestampHeader) || isBlank(signatureHeader)) {
            return Check.of(Verdict.UNSIGNED);
        }
        String ts = timestampHeader.strip();
        if (!EPOCH_SECONDS.matcher(ts).matches()) {
            return Check.of(Verdict.INVALID);
        }
        long seconds = Long.parseLong(ts);
        byte[] expected = mac(seconds, body == null ? new byte[0] : body);

        boolean matched = false;
        for (String part : signatureHeader.split(",")) {
            String value = part.strip();
            if (!value.startsWith(SCHEME)) {
                continue; // another scheme, or a future version: not ours to judge
            }
            String hex = value.substring(SCHEME.length());
            // Every candidate is compared, in constant time, whatever an earlier one gave.
            if (HEX_256.matcher(hex).matches()
                    && MessageDigest.isEqual(expected, HexFormat.of().parseHex(hex))) {
                matched = true;
            }
        }
        if (!matched) {
            return Check.of(Verdict.INVALID);
        }

        Optional<String> signature = Optional.of(HexFormat.of().formatHex(expected));
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
        Verdict verdict = skew.compareTo(tolerance) > 0 ? Verdict.OUT_OF_TOLERANCE : Verdict.VALID;
        return new Check(verdict, signature);
    }

    private byte[] mac(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "WebhookSignature[key=***]";
    }
}
