package org.opencps.portal.internal.me;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.ShownOnce;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** New recovery codes, carried from the form that made them to the second-factor page, which shows them once. */
@Component
public class RecoveryCodesShownOnce {

    /** The page that shows them: the person's second-factor settings. */
    public static final String PAGE = SecondFactorSettingsPage.PATH;
    private static final String CODES = "recoveryCodes";

    private final ShownOnce shownOnce;

    RecoveryCodesShownOnce(ShownOnce shownOnce) {
        this.shownOnce = shownOnce;
    }

    public void show(RedirectAttributes flash, Actor actor, List<String> codes) {
        Map<String, String> numbered = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            numbered.put(String.format("%02d", i), codes.get(i));
        }
        shownOnce.keep(flash, actor, CODES, numbered);
    }

    Optional<List<String>> take(Model model, Actor actor) {
        return shownOnce.take(model, actor, CODES).map(codes -> List.copyOf(codes.values()));
    }
}
