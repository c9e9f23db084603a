package org.opencps.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.beans.PropertyEditorSupport;
import org.opencps.platform.ids.DeviceId;
import org.opencps.printing.JobId;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every portal page the layout's {@link PageContext} as {@code page}, and reads the ids in its URLs. */
@ControllerAdvice(basePackages = "org.opencps.portal")
class PortalModel {

    private final PortalPages pages;

    PortalModel(PortalPages pages) {
        this.pages = pages;
    }

    /** Job and device ids in page URLs and forms, parsed strictly: a malformed one is the 404 page. */
    @InitBinder
    void ids(WebDataBinder binder) {
        binder.registerCustomEditor(JobId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(JobId.parse(text));
            }
        });
        binder.registerCustomEditor(DeviceId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(DeviceId.parse(text));
            }
        });
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        return pages.context(request);
    }
}
