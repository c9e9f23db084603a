package org.opencps.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencps.testing.Metrics;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every metric the Grafana dashboard in docs/operations names is one the server exposes. */
@OpenCpsTest
@TestPropertySource(properties = "opencps.metrics.scrape-token=" + Metrics.TOKEN)
class DashboardMetricsTest {

    static final Path DASHBOARD = Path.of("..", "docs", "operations", "grafana-dashboard.json");

    /** PromQL's functions, aggregations and keywords: words in an expression that are not metrics. */
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "avg", "min", "max", "count", "rate", "irate", "increase",
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset",
            "histogram_quantile", "label_values", "topk", "bottomk", "delta", "deriv", "abs", "clamp_min", "clamp_max");

    private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Autowired MockMvc mvc;

    @Test
    void everyMetricTheDashboardNamesIsExposed() throws Exception {
        Set<String> named = metricsNamedBy(JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)));
        assertThat(named).as("the dashboard names metrics").contains("opencps_print_jobs_submitted_total",
                "opencps_signin_failures_total", "http_server_requests_seconds_count");

        // HTTP request metrics appear once a request has been served.
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        String exposition = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + Metrics.TOKEN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Set<String> exposed = exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());

        assertThat(named.stream().filter(metric -> !exposed.contains(metric))).as("metrics the dashboard names but the server lacks")
                .isEmpty();
    }

    @Test
    void theWordsOfAnExpressionThatAreMetricsAreFound() {
        assertThat(metricsIn("sum by (method, reason) (rate(a_total{instance=~\"$instance\",x=\"y z\"}[5m])) * 60 / max(b_bytes)"))
                .containsExactlyInAnyOrder("a_total", "b_bytes");
        assertThat(metricsIn("label_values(jvm_info, instance)")).containsExactly("jvm_info");
    }

    private static Set<String> metricsNamedBy(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(metricsIn(target.path("expr").asString()));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asString())) {
                names.addAll(metricsIn(variable.path("query").asString()));
            }
        }
        return names;
    }

    /** The metric names in a PromQL expression: its words but label matchers, ranges, grouping labels and PromQL's own. */
    static Set<String> metricsIn(String expression) {
        String bare = expression
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
        Set<String> names = new TreeSet<>();
        Matcher words = WORD.matcher(bare);
        while (words.find()) {
            String word = words.group();
            boolean number = words.start() > 0 && Character.isDigit(bare.charAt(words.start() - 1));
            if (!PROMQL_WORDS.contains(word) && !number) {
                names.add(word);
            }
        }
        return names;
    }
}
