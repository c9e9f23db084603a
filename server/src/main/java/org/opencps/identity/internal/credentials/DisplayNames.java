package org.opencps.identity.internal.credentials;

import org.opencps.platform.text.Names;

public final class DisplayNames {

    private DisplayNames() {
    }

    public static String validate(String field, String name) {
        return Names.require(field, name, 200, "a name");
    }
}
