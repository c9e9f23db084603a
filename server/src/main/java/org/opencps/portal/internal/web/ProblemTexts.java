package org.opencps.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opencps.platform.errors.ProblemText;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A refusal's reason in the language of the page being answered: its {@code problem.} key through
 * the message files, else (no key, or no request) the module's English text. Static and looked up
 * from the current request, because the {@link Forms} helpers that need it are static and called
 * from every page.
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    /** The reason of {@code refusal} for the current request's reader. */
    public static String of(Exception refusal) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(refusal, attributes.getRequest());
        }
        return refusal.getMessage();
    }

    /** The reason of {@code refusal} in the language of {@code request}. */
    public static String of(Exception refusal, HttpServletRequest request) {
        if (!(refusal instanceof ProblemText problem) || problem.messageKey() == null) {
            return refusal.getMessage();
        }
        MessageSource messages = RequestContextUtils.findWebApplicationContext(request);
        if (messages == null) {
            return problem.getMessage();
        }
        Locale locale = RequestContextUtils.getLocale(request);
        Object[] arguments = Arrays.stream(problem.messageArguments())
                .map(argument -> switch (argument) {
                    case Collection<?> parts -> joined(parts, " ", messages, locale);
                    case ProblemText.Names list -> joined(list.names(), messages.getMessage("problem.listSeparator", null, ", ", locale), messages, locale);
                    case MessageSourceResolvable text -> messages.getMessage(text, locale);
                    case null, default -> argument;
                })
                .toArray();
        return messages.getMessage(problem.messageKey(), arguments, problem.getMessage(), locale);
    }

    /**
     * A list argument's parts' texts: a plain collection (e.g. every password rule broken) is
     * sentences joined by a space, {@link ProblemText.Names} names joined as the language lists them.
     */
    private static String joined(Collection<?> parts, String separator, MessageSource messages, Locale locale) {
        return parts.stream()
                .map(part -> part instanceof MessageSourceResolvable text ? messages.getMessage(text, locale) : String.valueOf(part))
                .collect(Collectors.joining(separator));
    }
}
