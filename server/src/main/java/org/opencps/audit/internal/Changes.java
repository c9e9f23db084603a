package org.opencps.audit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;

/** The before and after of a changed setting, for a record's detail: each field that changed, "name: before -> after". */
public final class Changes {

    private Changes() {
    }

    public static String between(Record before, Record after) {
        if (before == null) {
            return "set to " + after;
        }
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            Object was = value(component, before);
            Object is = value(component, after);
            if (!Objects.equals(was, is)) {
                changed.add(component.getName() + ": " + was + " -> " + is);
            }
        }
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    /** The same for fields given as text by name: a field missing from {@code before} was not set, one missing from {@code after} is gone. */
    static String between(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        Set<String> fields = new TreeSet<>(after.keySet());
        fields.addAll(before.keySet());
        for (String field : fields) {
            String was = before.get(field);
            String is = after.get(field);
            if (!Objects.equals(was, is)) {
                changed.add(field + ": " + none(was) + " -> " + none(is));
            }
        }
        return changed.isEmpty() ? "no change" : String.join("; ", changed);
    }

    private static String none(String value) {
        return value == null ? "(none)" : value;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("a record's accessor is public", e);
        }
    }
}
