package fr.cashadvance.lender;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cashadvance.identifiers.Iban;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@link LenderClient} over HTTP with Spring's {@link RestClient} on the JDK HTTP client.
 *
 * <p>With a blank {@code lender.base-url} and {@code sandbox-lender.enabled=true} it talks to the
 * sandbox lender served by this application; the port is looked up at each call, because it is
 * only known once the web server has started (and is random in tests).
 */
@Component
public class HttpLenderClient implements LenderClient {

    static final String SANDBOX_PATH = "/sandbox-lender";

    private static final Logger log = LoggerFactory.getLogger(HttpLenderClient.class);
    private static final ObjectMapper ERROR_READER = new ObjectMapper();
    private static final int MAX_MESSAGE_LENGTH = 1000;

    private final RestClient restClient;
    private final String fixedBaseUrl;
    private final Environment environment;

    public HttpLenderClient(RestClient.Builder restClientBuilder, LenderProperties properties,
                            Environment environment) {
        this.environment = environment;
        this.fixedBaseUrl = resolveFixedBaseUrl(properties, environment);

        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());

        RestClient.Builder builder = restClientBuilder.clone()
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey());
        }
        this.restClient = builder.build();
    }

    private static String resolveFixedBaseUrl(LenderProperties properties, Environment env) {
        String configured = properties.baseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        if (env.getProperty("sandbox-lender.enabled", Boolean.class, false)) {
            return null;
        }
        throw new IllegalStateException(
                "lender.base-url is blank and sandbox-lender.enabled is false: no lender to call");
    }

    @Override
    public LenderLoan createLoan(NewLoan request) {
        Objects.requireNonNull(request, "request");
        String operation = "POST /loans (salt " + request.saltId() + ")";
        LenderLoan loan = call(operation, () -> restClient.post()
                .uri(baseUrl() + "/loans")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(LenderLoan.class));
        String account = request.loanTo() == null ? null : request.loanTo().accountNumber();
        log.info("Lender loan {} for salt {} to account {}: {}", loan.id(), request.saltId(),
                Iban.mask(account), loan.status());
        return loan;
    }

    @Override
    public LenderLoan getLoan(String loanId) {
        requireId(loanId);
        return call("GET /loan/" + loanId, () -> restClient.get()
                .uri(baseUrl() + "/loan/{id}", loanId)
                .retrieve()
                .body(LenderLoan.class));
    }

    @Override
    public LenderLoan validateLoan(String loanId) {
        requireId(loanId);
        LenderLoan loan = call("POST /loan/" + loanId + "/validate", () -> restClient.post()
                .uri(baseUrl() + "/loan/{id}/validate", loanId)
                .retrieve()
                .body(LenderLoan.class));
        log.info("Lender loan {} validated: {}", loanId, loan.status());
        return loan;
    }

    @Override
    public LenderLoan cancelLoan(String loanId) {
        requireId(loanId);
        LenderLoan loan = call("POST /loan/" + loanId + "/cancel", () -> restClient.post()
                .uri(baseUrl() + "/loan/{id}/cancel", loanId)
                .retrieve()
                .body(LenderLoan.class));
        log.info("Lender loan {} cancelled: {}", loanId, loan.status());
        return loan;
    }

    @Override
    public LenderLoan changeRepaymentDate(String loanId, LocalDate toRepayAt) {
        requireId(loanId);
        Objects.requireNonNull(toRepayAt, "toRepayAt");
        LenderLoan loan = call("PATCH /loan/" + loanId, () -> restClient.patch()
                .uri(baseUrl() + "/loan/{id}", loanId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new RepaymentDateChange(toRepayAt))
                .retrieve()
                .body(LenderLoan.class));
        log.info("Lender loan {} repayment date now {}", loanId, loan.toRepayAt());
        return loan;
    }

    @Override
    public LenderCreditLine creditLine(String borrowerIdentifier) {
        requireId(borrowerIdentifier);
        return call("GET /credit_lines", () -> restClient.get()
                .uri(baseUrl() + "/credit_lines?borrower={borrower}", borrowerIdentifier)
                .retrieve()
                .body(LenderCreditLine.class));
    }

    @Override
    public LenderBorrower registerBorrower(NewBorrower request) {
        Objects.requireNonNull(request, "request");
        LenderBorrower borrower = call("POST /borrowers (SIRET " + request.identifier() + ")",
                () -> restClient.post()
                        .uri(baseUrl() + "/borrowers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(request)
                        .retrieve()
                        .body(LenderBorrower.class));
        log.info("Lender borrower {} for SIRET {} with account {} and {} shared account(s): {}",
                borrower.id(), request.identifier(), Iban.mask(request.accountNumber()),
                request.bankAccounts().size(), borrower.status());
        return borrower;
    }

    @Override
    public LenderBorrower getBorrower(String borrowerId) {
        requireId(borrowerId);
        return call("GET /borrower/" + borrowerId, () -> restClient.get()
                .uri(baseUrl() + "/borrower/{id}", borrowerId)
                .retrieve()
                .body(LenderBorrower.class));
    }

    @Override
    public LenderEligibility checkEligibility(EligibilityRequest request) {
        Objects.requireNonNull(request, "request");
        requireId(request.borrowerId());
        LenderEligibility eligibility = call("POST /eligibility/borrower ("
                + request.borrowerId() + ")", () -> restClient.post()
                .uri(baseUrl() + "/eligibility/borrower")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(LenderEligibility.class));
        log.info("Lender eligibility of borrower {}: eligible {}, max {} cents, reasons {}",
                request.borrowerId(), eligibility.isEligible(), eligibility.maxAmount(),
                eligibility.reasons().stream().map(LenderEligibility.Reason::code).toList());
        return eligibility;
    }

    @Override
    public LenderBill bill(String borrowerSiren, YearMonth month) {
        requireId(borrowerSiren);
        Objects.requireNonNull(month, "month");
        LenderBill bill = call("GET /bills (" + borrowerSiren + ", " + month + ")",
                () -> restClient.get()
                        .uri(baseUrl() + "/bills?borrower={borrower}&month={month}",
                                borrowerSiren, month.toString())
                        .retrieve()
                        .body(LenderBill.class));
        log.info("Lender fee statement {} for borrower {}: {} line(s), {} cents", month,
                borrowerSiren, bill.lines().size(), bill.total());
        return bill;
    }

    private String baseUrl() {
        if (fixedBaseUrl != null) {
            return fixedBaseUrl;
        }
        String port = environment.getProperty("local.server.port");
        if (port == null || port.isBlank()) {
            throw new LenderUnavailableException(
                    "Sandbox lender not reachable yet: the web server has no port yet", null);
        }
        return "http://127.0.0.1:" + port + SANDBOX_PATH;
    }

    private static <T> T call(String operation, Supplier<T> exchange) {
        T body;
        try {
            body = exchange.get();
        } catch (RestClientResponseException e) {
            throw translate(operation, e);
        } catch (ResourceAccessException e) {
            // Connection refused, reset, or a timeout: the lender may or may not have acted.
            throw new LenderUnavailableException(
                    operation + ": lender unreachable (" + rootMessage(e) + ")", e);
        } catch (RestClientException e) {
            // A 2xx we cannot read (proxy page, truncated body). The cause is left out because
            // converter messages may quote the body, which can hold an IBAN.
            throw new LenderUnavailableException(
                    operation + ": unreadable lender response (" + e.getClass().getSimpleName()
                            + ")", null);
        }
        if (body == null) {
            throw new LenderUnavailableException(operation + ": empty lender response", null);
        }
        return body;
    }

    private static LenderException translate(String operation, RestClientResponseException e) {
        int status = e.getStatusCode().value();
        String lenderMessage = lenderMessage(e.getResponseBodyAsString());
        String message = operation + ": lender answered HTTP " + status
                + (lenderMessage.isEmpty() ? "" : " - " + lenderMessage);
        // The original exception is not kept as cause: its message quotes the raw body.
        // 408 and 429 say "not now" rather than "never", so they are retryable like a 5xx.
        boolean transientStatus = status >= 500 || status == 408 || status == 429;
        if (transientStatus || status < 400) {
            return new LenderUnavailableException(message, null);
        }
        return new LenderRejectedException(status, lenderMessage, message, null);
    }

    /** Pulls the human explanation out of a problem detail or a {@code message} body. */
    static String lenderMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body;
        try {
            JsonNode json = ERROR_READER.readTree(body);
            for (String field : new String[] {"detail", "message", "error", "title"}) {
                JsonNode value = json.path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    text = value.asText();
                    break;
                }
            }
        } catch (Exception notJson) {
            // Not JSON: fall back to the raw text, shortened below.
        }
        text = text.strip();
        if (text.length() > MAX_MESSAGE_LENGTH) {
            text = text.substring(0, MAX_MESSAGE_LENGTH) + "…";
        }
        return IbanMasking.maskAllIn(text);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a lender identifier is required");
        }
    }

    private record RepaymentDateChange(@JsonProperty("to_repay_at") LocalDate toRepayAt) {
    }
}
