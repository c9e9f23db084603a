package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.models.media.StringSchema;
import java.beans.PropertyEditorSupport;
import org.opencps.platform.ids.OrgId;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads organization ids in this module's URLs strictly (a malformed id is a 400 naming the path
 * variable), and documents them in OpenAPI as the UUID strings they are.
 */
@ControllerAdvice(basePackageClasses = OrgIdBinding.class)
class OrgIdBinding {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(OrgId.class, new StringSchema().format("uuid"));
    }

    @InitBinder
    void orgIds(WebDataBinder binder) {
        binder.registerCustomEditor(OrgId.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(OrgId.parse(text));
            }
        });
    }
}
