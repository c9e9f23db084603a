package org.opencps.client.print;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code opencps print} asks for each job; {@code null} leaves the choice to the server. */
record PrintTicket(String name, Integer copies, String sides, String colorMode) {

    /** The query string of POST /api/v1/jobs, starting with {@code ?} (empty when nothing is set). */
    String query() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "name", name);
        put(parameters, "copies", copies == null ? null : copies.toString());
        put(parameters, "sides", sides);
        put(parameters, "colorMode", colorMode);
        if (parameters.isEmpty()) {
            return "";
        }
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&", "?", ""));
    }

    PrintTicket named(String jobName) {
        return new PrintTicket(jobName, copies, sides, colorMode);
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }
}
