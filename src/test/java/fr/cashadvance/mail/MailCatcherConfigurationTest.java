package fr.cashadvance.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Which mail sender the application gets, with and without the catcher. */
class MailCatcherConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(MailCatcherConfiguration.class, MailboxController.class)
            .withPropertyValues("spring.mail.host=smtp.provider.test", "spring.mail.port=587")
            .withBean(fr.cashadvance.security.BusinessScope.class,
                    () -> org.mockito.Mockito.mock(fr.cashadvance.security.BusinessScope.class));

    @Test
    void withTheCatcherTheSenderTargetsTheCatchersActualPort() {
        MailCatcher[] started = new MailCatcher[1];

        runner.withPropertyValues("mail-catcher.enabled=true", "mail-catcher.port=0")
                .run(context -> {
                    MailCatcher catcher = context.getBean(MailCatcher.class);
                    JavaMailSenderImpl sender =
                            (JavaMailSenderImpl) context.getBean(JavaMailSender.class);

                    assertThat(catcher.isRunning()).isTrue();
                    assertThat(sender.getHost()).isEqualTo("127.0.0.1");
                    assertThat(sender.getPort()).isEqualTo(catcher.port()).isNotEqualTo(587);
                    assertThat(context).hasSingleBean(JavaMailSender.class);
                    assertThat(context).hasSingleBean(MailboxController.class);
                    started[0] = catcher;
                });

        assertThat(started[0].isRunning()).as("stopped with the context").isFalse();
    }

    @Test
    void withoutTheCatcherSpringMailSettingsAreUsed() {
        runner.withPropertyValues("mail-catcher.enabled=false").run(context -> {
            JavaMailSenderImpl sender = (JavaMailSenderImpl) context.getBean(JavaMailSender.class);

            assertThat(context).doesNotHaveBean(MailCatcher.class);
            assertThat(context).doesNotHaveBean(MailboxController.class);
            assertThat(sender.getHost()).isEqualTo("smtp.provider.test");
            assertThat(sender.getPort()).isEqualTo(587);
        });
    }
}
