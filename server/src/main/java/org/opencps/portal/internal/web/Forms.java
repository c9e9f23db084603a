package org.opencps.portal.internal.web;

import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.TooManyRequestsException;
import org.opencps.platform.errors.UnauthenticatedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form's change, then back to a page (post, redirect, get): on success with a notice (a message
 * key; none when null), when the face refuses the input with its reason and the field at fault. Refusals of access
 * (404, 403) are not caught: they become the error pages.
 */
public final class Forms {

    public static final String NOTICE = "notice";
    public static final String ERROR = "error";
    public static final String ERROR_FIELD = "errorField";

    private Forms() {
    }

    public static String change(RedirectAttributes flash, String page, String noticeKey, Runnable change) {
        try {
            change.run();
            if (noticeKey != null) {
                flash.addFlashAttribute(NOTICE, noticeKey);
            }
        } catch (InvalidInputException e) {
            refused(flash, ProblemTexts.of(e), e.field());
        } catch (ConflictException e) {
            refused(flash, ProblemTexts.of(e), e.field());
        } catch (TooManyRequestsException | UnauthenticatedException e) {
            refused(flash, ProblemTexts.of(e), null);
        }
        return "redirect:" + page;
    }

    /** A text field left empty is "not given". */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static void refused(RedirectAttributes flash, String message, String field) {
        flash.addFlashAttribute(ERROR, message);
        if (field != null) {
            flash.addFlashAttribute(ERROR_FIELD, field);
        }
    }
}
