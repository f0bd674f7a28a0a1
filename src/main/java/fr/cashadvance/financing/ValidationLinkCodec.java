package fr.cashadvance.financing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tokens of the validation links: {@code base64url(payload) "." base64url(HMAC-SHA256)}, the
 * payload naming the financing, its task and the expiry. Nothing in a token can be changed
 * without the key, so a link for one financing cannot be turned into a link for another.
 * Changing {@code financing.link-secret} makes every outstanding link invalid: the business
 * then validates in Tasklist or through its platform, or waits for a new email.
 * Reading never throws on what a visitor sends: every failure is a verdict.
 */
@Component
class ValidationLinkCodec {

    /** The signed fields; a new layout gets a new version, so old tokens cannot be misread. */
    private static final String VERSION = "v1";
    private static final String SEPARATOR = "|";
    private static final int FIELDS = 6;
    private static final int NONCE_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    /** Well above a real token (about 220 characters); anything longer is not read at all. */
    static final int MAX_LENGTH = 512;
    private static final int MIN_LENGTH = 60;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a token is worth before the database is asked. */
    enum Verdict { INVALID, EXPIRED, AUTHENTIC }

    /** The verdict, and the claims when the signature held (also when expired). */
    record Reading(Verdict verdict, ValidationLinkClaims claims) {

        private static final Reading INVALID = new Reading(Verdict.INVALID, null);
    }

    private final SecretKeySpec key;

    @Autowired
    ValidationLinkCodec(FinancingProperties props) {
        this(props.linkSecret());
    }

    ValidationLinkCodec(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("financing.link-secret (LINK_SIGNING_SECRET) is "
                    + "required to sign validation links");
        }
        // LIMITATION: neither the key's length nor the demo default is refused here; the prod
        // profile must give LINK_SIGNING_SECRET a long random value with no fallback.
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String mint(String financingId, String processInstanceId, String taskKey,
                Instant expiresAt) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String payload = String.join(SEPARATOR, VERSION, field(financingId),
                field(processInstanceId), field(taskKey),
                Long.toString(expiresAt.getEpochSecond()), ENCODER.encodeToString(nonce));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /**
     * Checks, in this order: shape and length, signature (in constant time), then expiry
     * ({@code now} at or after it is expired). Single use is for the caller, against the hash.
     */
    Reading read(String token, Instant now) {
        if (token == null || token.length() < MIN_LENGTH || token.length() > MAX_LENGTH
                || !SHAPE.matcher(token).matches()) {
            return Reading.INVALID;
        }
        int dot = token.indexOf('.');
        byte[] payload = decodeCanonical(token.substring(0, dot));
        byte[] mac = decodeCanonical(token.substring(dot + 1));
        if (payload == null || mac == null || mac.length != MAC_BYTES
                || !MessageDigest.isEqual(sign(payload), mac)) {
            return Reading.INVALID;
        }
        ValidationLinkClaims claims = parse(new String(payload, StandardCharsets.UTF_8));
        if (claims == null) {
            return Reading.INVALID;
        }
        Verdict verdict = now.isBefore(claims.expiresAt()) ? Verdict.AUTHENTIC : Verdict.EXPIRED;
        return new Reading(verdict, claims);
    }

    /** What the financing stores: a database read alone cannot rebuild a working link. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            // A Mac is not thread-safe; a new one per call costs microseconds.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    /**
     * Only the one spelling we produce: base64 that decodes alike with other trailing bits
     * would give a second token for the same link, with another hash.
     */
    private static byte[] decodeCanonical(String part) {
        try {
            byte[] bytes = DECODER.decode(part);
            return ENCODER.encodeToString(bytes).equals(part) ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ValidationLinkClaims parse(String payload) {
        String[] f = payload.split(Pattern.quote(SEPARATOR), -1);
        if (f.length != FIELDS || !VERSION.equals(f[0])) {
            return null;
        }
        for (String value : f) {
            if (value.isEmpty()) {
                return null;
            }
        }
        try {
            Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(f[4]));
            return new ValidationLinkClaims(f[1], f[2], f[3], expiresAt, f[5]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String field(String value) {
        Objects.requireNonNull(value, "a validation link names its financing and task");
        if (value.isEmpty() || value.contains(SEPARATOR)) {
            throw new IllegalArgumentException("Not a field of a validation link: " + value);
        }
        return value;
    }
}
