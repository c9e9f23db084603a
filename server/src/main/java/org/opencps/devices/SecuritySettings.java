package org.opencps.devices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device's security settings. Reported by the device (null: not reported), or, as an
 * organization's baseline, which of them are required (true).
 */
public record SecuritySettings(Boolean adminPasswordChanged, Boolean storageEncryption, Boolean dataOverwrite,
                               Boolean firmwareVerification, Boolean tlsOnly) {

    public static final SecuritySettings NOTHING = new SecuritySettings(null, null, null, null, null);
    public static final SecuritySettings NOTHING_REQUIRED = new SecuritySettings(false, false, false, false, false);

    /** The settings by their JSON names, in a fixed order. */
    public Map<String, Boolean> byName() {
        Map<String, Boolean> map = new LinkedHashMap<>();
        map.put("adminPasswordChanged", adminPasswordChanged);
        map.put("storageEncryption", storageEncryption);
        map.put("dataOverwrite", dataOverwrite);
        map.put("firmwareVerification", firmwareVerification);
        map.put("tlsOnly", tlsOnly);
        return map;
    }

    /** A baseline with nulls read as "not required". */
    public SecuritySettings asBaseline() {
        return new SecuritySettings(isTrue(adminPasswordChanged), isTrue(storageEncryption), isTrue(dataOverwrite),
                isTrue(firmwareVerification), isTrue(tlsOnly));
    }

    /** Drift: the names of the settings this baseline requires that {@code reported} does not report as on. */
    public List<String> driftOf(SecuritySettings reported) {
        Map<String, Boolean> actual = (reported == null ? NOTHING : reported).byName();
        List<String> drift = new ArrayList<>();
        byName().forEach((name, required) -> {
            if (isTrue(required) && !isTrue(actual.get(name))) {
                drift.add(name);
            }
        });
        return List.copyOf(drift);
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
