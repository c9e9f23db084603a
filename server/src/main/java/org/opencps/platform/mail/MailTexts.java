package org.opencps.platform.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * E-mails written from the message files in the recipient's language: the subject is
 * {@code mail.<name>.subject}, the body {@code mail.<name>.body}. An argument that is itself a
 * text of the message files ({@link #text}, a role's name, say) is written in that language too,
 * and a collection of arguments is joined with commas.
 */
@Component
public class MailTexts {

    private final MessageSource messages;
    private final Mailer mailer;

    MailTexts(MessageSource messages, Mailer mailer) {
        this.messages = messages;
        this.mailer = mailer;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public static MessageSourceResolvable text(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    /** A moment as e-mails write it, in UTC (the reader's time zone is not known). */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public void send(String to, Locale language, String name, Object... arguments) {
        Object[] written = Arrays.stream(arguments).map(argument -> written(argument, language)).toArray();
        mailer.send(to, messages.getMessage("mail." + name + ".subject", written, language),
                messages.getMessage("mail." + name + ".body", written, language));
    }

    private Object written(Object argument, Locale language) {
        if (argument instanceof Collection<?> several) {
            return several.stream().map(one -> String.valueOf(written(one, language))).collect(Collectors.joining(", "));
        }
        if (argument instanceof MessageSourceResolvable text) {
            return messages.getMessage(text, language);
        }
        return argument;
    }
}
