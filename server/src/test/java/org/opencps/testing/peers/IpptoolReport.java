package org.opencps.testing.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ipptool's test report ({@code -t}), test by test. ipptool prints each test file's name, then one line
 * per test ending in [PASS], [FAIL] or [SKIP] (names cut at 68 characters), and under a failed test the
 * reasons, indented further ({@code EXPECTED: ...}, {@code GOT: ...}, the status code).
 */
public record IpptoolReport(CommandResult run, List<Test> tests) {

    public enum Outcome { PASS, FAIL, SKIP }

    /** One test of a test file, with the lines ipptool printed under it (why it failed). */
    public record Test(String file, String name, Outcome outcome, List<String> details) {

        /** The expectations that were not met: the {@code EXPECTED:} lines, without that prefix. */
        public List<String> unmetExpectations() {
            return details.stream().filter(line -> line.startsWith("EXPECTED: "))
                    .map(line -> line.substring("EXPECTED: ".length())).toList();
        }

        @Override
        public String toString() {
            return file + ": " + name + " [" + outcome + "]"
                    + (details.isEmpty() ? "" : "\n        " + String.join("\n        ", details));
        }
    }

    /**
     * A failure forgiven for a stated reason: a test whose name starts with {@code testName} and whose only
     * unmet expectation is {@code expectation}. Any other unmet expectation in the same test still counts.
     */
    public record Waiver(String testName, String expectation, String reason) {

        boolean covers(Test test) {
            List<String> unmet = test.unmetExpectations();
            return test.outcome() == Outcome.FAIL && test.name().startsWith(testName)
                    && !unmet.isEmpty() && unmet.stream().allMatch(expectation::equals);
        }
    }

    private static final Pattern FILE_LINE = Pattern.compile("^\"(.+)\":$");
    private static final Pattern TEST_LINE = Pattern.compile("^ {4}(\\S.*?)\\s+\\[(PASS|FAIL|SKIP)]$");
    private static final Pattern REPEAT_LINE = Pattern.compile("^ {4}\\S.*\\[\\d+]$");
    private static final Pattern DETAIL_LINE = Pattern.compile("^ {8}(\\S.*)$");

    static IpptoolReport parse(CommandResult run) {
        List<Test> tests = new ArrayList<>();
        String file = "";
        String name = null;
        Outcome outcome = null;
        List<String> details = new ArrayList<>();
        for (String line : run.stdout().split("\\R")) {
            Matcher fileLine = FILE_LINE.matcher(line);
            Matcher testLine = TEST_LINE.matcher(line);
            Matcher detailLine = DETAIL_LINE.matcher(line);
            if (fileLine.matches() || testLine.matches()) {
                if (name != null) {
                    tests.add(new Test(file, name, outcome, List.copyOf(details)));
                    name = null;
                    details.clear();
                }
                if (fileLine.matches()) {
                    file = fileLine.group(1).replaceAll("^.*/", "");
                } else {
                    name = testLine.group(1);
                    outcome = Outcome.valueOf(testLine.group(2));
                }
            } else if (name != null && detailLine.matches() && !REPEAT_LINE.matcher(line).matches()) {
                details.add(detailLine.group(1));
            }
        }
        if (name != null) {
            tests.add(new Test(file, name, outcome, List.copyOf(details)));
        }
        return new IpptoolReport(run, List.copyOf(tests));
    }

    public List<Test> passed() {
        return tests.stream().filter(test -> test.outcome() == Outcome.PASS).toList();
    }

    public List<Test> failures() {
        return tests.stream().filter(test -> test.outcome() == Outcome.FAIL).toList();
    }

    /**
     * What went wrong, one entry per failed test not covered by a waiver, plus ipptool's own complaint when
     * it exited with an error but reported no failed test (a test file it could not read, a refused
     * connection). Empty when all is well.
     */
    public List<String> problemsExcept(Waiver... waivers) {
        List<String> problems = new ArrayList<>();
        for (Test failure : failures()) {
            if (List.of(waivers).stream().noneMatch(waiver -> waiver.covers(failure))) {
                problems.add(failure.toString());
            }
        }
        if (failures().isEmpty() && !run.succeeded()) {
            problems.add(run.describe());
        }
        if (tests.isEmpty()) {
            problems.add("ipptool reported no test at all\n" + run.describe());
        }
        return problems;
    }

    public List<String> problems() {
        return problemsExcept();
    }
}
