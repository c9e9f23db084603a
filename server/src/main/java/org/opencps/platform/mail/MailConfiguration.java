package org.opencps.platform.mail;

import org.opencps.platform.config.DataDirectory;
import org.opencps.platform.config.OpenCpsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** SMTP when spring.mail.host is set; otherwise the outbox, so a trial without a mail server still works. */
    @Bean
    Mailer mailer(ObjectProvider<JavaMailSender> smtp, DataDirectory dataDirectory, OpenCpsProperties properties) {
        JavaMailSender sender = smtp.getIfAvailable();
        String from = properties.mail().from();
        return sender != null ? new SmtpMailer(sender, from) : new OutboxMailer(dataDirectory, from);
    }
}
