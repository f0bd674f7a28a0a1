package fr.cashadvance.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * An SMTP server on 127.0.0.1 that accepts every message and keeps it for the {@code /mailbox}
 * pages, so the default run needs no mail server and a newcomer can still click the links of the
 * validation email. Usable without Spring: {@code new MailCatcher(0).start()} in a test.
 */
// LIMITATION: messages are kept in memory only (twice: GreenMail's inboxes and our decoded list),
// without a size cap; they disappear on restart. Fine for a demo, not for a long-running server.
public final class MailCatcher implements AutoCloseable {

    /** Loopback only, never configurable: the catcher accepts mail from anyone who can connect. */
    public static final String BIND_ADDRESS = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]";

    private final int requestedPort;
    private final Clock clock;
    private final List<CaughtMail> messages = new ArrayList<>();
    private GreenMail greenMail;

    public MailCatcher(int port) {
        this(port, Clock.systemUTC());
    }

    public MailCatcher(int port, Clock clock) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        this.requestedPort = port;
        this.clock = clock;
    }

    /** Starts listening; returns this so a bean method can start and return it in one line. */
    public synchronized MailCatcher start() {
        if (greenMail != null) {
            return this;
        }
        GreenMail server = new GreenMail(new ServerSetup(requestedPort, BIND_ADDRESS,
                ServerSetup.PROTOCOL_SMTP));
        // Without authentication GreenMail creates a mailbox for any recipient on delivery.
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

        // Hooked in before listening, so that no message can arrive unrecorded.
        UserManager users = server.getUserManager();
        MessageDeliveryHandler defaultHandler = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            record(message, recipient);
            return defaultHandler.handle(message, recipient);
        });
        try {
            server.start();
        } catch (IllegalStateException e) {
            server.stop();
            // GreenMail's own message suggests a longer startup timeout; the usual cause is a
            // port already taken, e.g. by a second instance of the application.
            throw new IllegalStateException("Mail catcher could not listen on " + BIND_ADDRESS
                    + ":" + requestedPort + " (port in use?); set mail-catcher.port to a free "
                    + "port, or 0 to pick one", e);
        }

        greenMail = server;
        log.info("Mail catcher listening on smtp://{}:{}", BIND_ADDRESS, port());
        return this;
    }

    /** The port actually listened on (the chosen free port when constructed with 0). */
    public synchronized int port() {
        if (greenMail == null) {
            throw new IllegalStateException("Mail catcher is not running");
        }
        return greenMail.getSmtp().getPort();
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public synchronized void stop() {
        if (greenMail == null) {
            return;
        }
        greenMail.stop();
        greenMail = null;
        log.info("Mail catcher stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** A snapshot of every message received so far, in arrival order (index ascending). */
    public List<CaughtMail> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    public Optional<CaughtMail> message(int index) {
        synchronized (messages) {
            if (index < 0 || index >= messages.size()) {
                return Optional.empty();
            }
            return Optional.of(messages.get(index));
        }
    }

    private void record(MovingMessage moving, MailAddress recipient) {
        MimeMessage message = moving.getMessage();
        String subject = "";
        String businessId = null;
        Parts parts = new Parts();
        try {
            subject = Optional.ofNullable(message.getSubject()).orElse("");
            businessId = message.getHeader(OutgoingMail.BUSINESS_HEADER, null);
            collect(message, parts);
        } catch (MessagingException | IOException e) {
            // Keep the message listed even if we cannot decode it: the page still shows it arrived.
            log.warn("Mail catcher could not decode a message: {}", e.toString());
        }

        synchronized (messages) {
            messages.add(new CaughtMail(messages.size(), recipient.getEmail(), businessId, subject,
                    clock.instant(), parts.text, parts.html, links(parts.text, parts.html)));
        }
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && parts.text.isEmpty()) {
            parts.text = unixLineEnds(part.getContent());
        } else if (part.isMimeType("text/html") && parts.html.isEmpty()) {
            parts.html = unixLineEnds(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
        }
    }

    /** SMTP carries CRLF; give back the line ends the sender wrote, so tests compare as-is. */
    private static String unixLineEnds(Object content) {
        return String.valueOf(content).replace("\r\n", "\n");
    }

    static List<String> links(String text, String html) {
        Set<String> found = new LinkedHashSet<>();
        for (String source : List.of(text, HtmlUtils.htmlUnescape(html))) {
            Matcher matcher = URL.matcher(source);
            while (matcher.find()) {
                found.add(trimTrailingPunctuation(matcher.group()));
            }
        }
        return List.copyOf(found);
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static final class Parts {
        private String text = "";
        private String html = "";
    }
}
