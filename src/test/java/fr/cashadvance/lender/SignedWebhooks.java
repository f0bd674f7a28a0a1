package fr.cashadvance.lender;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Builds webhook requests as the lender sends them: JSON, signed over the exact bytes. */
public final class SignedWebhooks {

    private SignedWebhooks() {
    }

    /** The body signed with this secret at this moment. */
    public static HttpEntity<String> signed(String secret, String json, Instant at) {
        HttpHeaders headers = unsignedHeaders();
        headers.set(WebhookSignature.TIMESTAMP_HEADER, WebhookSignature.timestamp(at));
        headers.set(WebhookSignature.SIGNATURE_HEADER, new WebhookSignature(secret)
                .sign(at, json.getBytes(StandardCharsets.UTF_8)));
        return new HttpEntity<>(json, headers);
    }

    /** The body signed with this secret now. */
    public static HttpEntity<String> signed(String secret, String json) {
        return signed(secret, json, Instant.now());
    }

    /** The same headers with another body, as a man in the middle would send it. */
    public static HttpEntity<String> withBody(HttpEntity<String> request, String json) {
        return new HttpEntity<>(json, request.getHeaders());
    }

    public static HttpEntity<String> unsigned(String json) {
        return new HttpEntity<>(json, unsignedHeaders());
    }

    private static HttpHeaders unsignedHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
