package org.opencps.portal.internal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Paper sizes on pages: a PWG self-describing media name ({@code na_letter_8.5x11in}) written as
 * the page's language names the size, with its measures in that language's numbers
 * ("US-Letter (8,5 × 11 in)"). A name that is not self-describing is shown as it is. Templates
 * call it as {@code @paper}.
 */
@Component("paper")
public class PaperSizes {

    private static final Pattern SELF_DESCRIBING = Pattern.compile("([a-z0-9]+_[a-z0-9-]+)_([0-9.]+)x([0-9.]+)(mm|in)");

    private final MessageSource messages;

    PaperSizes(MessageSource messages) {
        this.messages = messages;
    }

    public String shown(String media) {
        if (media == null) {
            return "";
        }
        Matcher parts = SELF_DESCRIBING.matcher(media);
        if (!parts.matches()) {
            return media;
        }
        Locale language = LocaleContextHolder.getLocale();
        String name = messages.getMessage("paper." + parts.group(1), null, parts.group(1), language);
        NumberFormat numbers = NumberFormat.getNumberInstance(language);
        return messages.getMessage("paper.size", new Object[] {name, numbers.format(new BigDecimal(parts.group(2))),
                numbers.format(new BigDecimal(parts.group(3))), parts.group(4)}, language);
    }
}
