package org.opencps.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.opencps.platform.ids.Uuids;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Plain UUID ids in URLs (cards, tokens, invitations...) are parsed as strictly as {@link IdConverters}
 * parses organization and user ids. A converter is not enough: when it refuses, Spring falls back
 * to its default UUID editor, which takes forms like "1-1-1-1-1".
 */
@ControllerAdvice
class UuidPathVariables {

    @InitBinder
    void strictUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(Uuids.parse(text));
            }
        });
    }
}
