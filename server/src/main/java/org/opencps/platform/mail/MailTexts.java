package org.opencps.platform.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opencps.platform.text.Moments;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * E-mails written from the message files in the recipient's language: the subject is
 * {@code mail.<name>.subject}, the body {@code mail.<name>.body}. An argument that is itself a
 * text of the message files ({@link #text}, a role's name, say) is written in that language too, a
 * moment ({@link #time}) as that language writes dates in its time zone, and a collection of
 * arguments is joined with commas.
 */
@Component
public class MailTexts {

    private final MessageSource messages;
    private final Mailer mailer;

    MailTexts(MessageSource messages, Mailer mailer) {
        this.messages = messages;
        this.mailer = mailer;
    }

    public static MessageSourceResolvable text(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    /** A moment to write in a mail, in the time zone of the organization it concerns and the mail's language. */
    public static ZonedDateTime time(Instant instant, ZoneId zone) {
        return instant.atZone(zone);
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
        if (argument instanceof ZonedDateTime moment) {
            return Moments.shown(moment.toInstant(), moment.getZone(), language);
        }
        return argument;
    }
}
