package org.opencps.testing;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts of a module's tables, to show that a refused request wrote nothing. */
public final class RowCounts {

    private RowCounts() {
    }

    /** Table name (lower case) to row count, for every table whose name starts with one of the prefixes (like "identity_"). */
    public static Map<String, Integer> of(JdbcClient jdbc, String... prefixes) {
        var counts = new TreeMap<String, Integer>();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables").query(String.class).list()) {
            String name = table.toLowerCase(Locale.ROOT);
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    counts.put(name, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
                }
            }
        }
        if (counts.isEmpty()) {
            throw new AssertionError("no tables start with " + String.join(", ", prefixes));
        }
        return counts;
    }
}
