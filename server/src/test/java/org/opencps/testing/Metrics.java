package org.opencps.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;

/** Reading {@code /actuator/prometheus} in a test whose server has the scrape token {@link #TOKEN}. */
public final class Metrics {

    public static final String TOKEN = "test-scrape-token-4f1c9a";

    private Metrics() {
    }

    public static String scrape(MockMvc mvc) {
        try {
            return mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the metrics", e);
        }
    }

    /** The value of the sample line that starts with {@code series} (name and labels as Prometheus writes them). */
    public static double value(String exposition, String series) {
        return exposition.lines().filter(line -> line.startsWith(series + " "))
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]))
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + series));
    }
}
