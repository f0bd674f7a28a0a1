package fr.cashadvance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The mailbox pages over a real catcher, without a Spring context. */
class MailboxControllerTest {

    private MailCatcher catcher;
    private MockMvc mvc;
    private OutgoingMail validation;

    @BeforeEach
    void sendTwoMessages() {
        catcher = new MailCatcher(0).start();
        Mailer mailer = new Mailer(MailCatcherRoundTripTest.senderTo(catcher.port()),
                new MailSenderProperties(MailSenderProperties.DEFAULT_FROM));
        mvc = MockMvcBuilders.standaloneSetup(new MailboxController(catcher,
                asSystem())).build();

        mailer.send(new OutgoingMail("ops@platform.test", "Bienvenue <b>", "<p>Salut</p>",
                "Salut"));
        validation = new ValidationEmail().render("compta@moulin.example",
                ValidationEmailTest.content("<script>"));
        mailer.send(validation);
    }

    /** Outside any login (as here), the mailbox shows everything, as to an operator. */
    private static fr.cashadvance.security.BusinessScope asSystem() {
        var scope = org.mockito.Mockito.mock(fr.cashadvance.security.BusinessScope.class);
        org.mockito.Mockito.when(scope.current())
                .thenReturn(fr.cashadvance.security.Caller.SYSTEM);
        return scope;
    }

    @AfterEach
    void stopCatcher() {
        catcher.stop();
    }

    @Test
    void jsonListsMessagesNewestFirstWithTheirLinks() throws Exception {
        mvc.perform(get("/mailbox/messages"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].index").value(1))
                .andExpect(jsonPath("$[0].to").value("compta@moulin.example"))
                .andExpect(jsonPath("$[0].subject").value(validation.subject()))
                .andExpect(jsonPath("$[0].receivedAt").exists())
                .andExpect(jsonPath("$[0].text").value(containsString("1 453,76 €")))
                .andExpect(jsonPath("$[0].html").value(containsString("Valider le prêt")))
                .andExpect(jsonPath("$[0].links[0]").value(
                        "https://app.example.test/financings/42/validate?token=ab&lang=fr"))
                .andExpect(jsonPath("$[0].links[1]").value(
                        "https://app.example.test/financings/42/cancel?token=ab"))
                .andExpect(jsonPath("$[1].index").value(0))
                .andExpect(jsonPath("$[1].subject").value("Bienvenue <b>"));
    }

    @Test
    void pageListsMessagesNewestFirstWithEscapedSubjects() throws Exception {
        String page = mvc.perform(get("/mailbox"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("<html lang=\"fr\">")
                .contains("<th>Date</th><th>Destinataire</th><th>Objet</th>")
                .contains("<a href=\"/mailbox/0\">Bienvenue &lt;b&gt;</a>")
                .contains("<a href=\"/mailbox/1\">Votre avance de trésorerie sur la facture "
                        + "F124212 est prête à être validée</a>")
                .doesNotContain("<b>");
        assertThat(page.indexOf("/mailbox/1")).isLessThan(page.indexOf("/mailbox/0"));
    }

    @Test
    void messagePageServesTheHtmlBodySandboxed() throws Exception {
        String body = mvc.perform(get("/mailbox/1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy",
                        MailboxController.MESSAGE_CSP))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).isEqualTo(validation.html());
    }

    @Test
    void unknownMessageIsNotFound() throws Exception {
        mvc.perform(get("/mailbox/7")).andExpect(status().isNotFound());
    }

    @Test
    void emptyMailboxSaysSo() throws Exception {
        MailCatcher empty = new MailCatcher(0).start();
        try {
            String page = MockMvcBuilders.standaloneSetup(new MailboxController(empty, asSystem())).build()
                    .perform(get("/mailbox"))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

            assertThat(page).contains("Aucun message reçu pour l’instant.");
        } finally {
            empty.stop();
        }
    }
}
