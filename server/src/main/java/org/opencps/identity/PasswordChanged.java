package org.opencps.identity;

import org.opencps.platform.ids.UserId;

public record PasswordChanged(UserId user, boolean byReset) {
}
