package org.opencps.testing.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading ipptool's test report, and the harness's errors when a peer is not installed. */
class IpptoolReportTest {

    private static final String REPORT = """
            "/usr/share/cups/ipptool/ipp-1.1.test":
                RFC 8011 section 4.1.1: Bad request-id value 0                       [PASS]
                RFC 8011 section 4.2.2: Print-URI Operation                          [SKIP]
                RFC 8011 section 4.2.4: Create-Job Operation                         [0001]
                RFC 8011 section 4.2.4: Create-Job Operation                         [PASS]
            "/usr/share/cups/ipptool/ipp-everywhere.test":
                PWG 5100.14 section 5.1/5.2 - Required Operations and Attributes     [FAIL]
                    RECEIVED: 9087 bytes in response
                    status-code = successful-ok (successful-ok)
                    EXPECTED: overrides-supported WITH-VALUE "document-number"
                    GOT: overrides-supported="document-numbers"
            """;

    private static IpptoolReport report(String stdout, int exitCode) {
        return IpptoolReport.parse(new CommandResult(List.of("ipptool"), exitCode, stdout, ""));
    }

    @Test
    void readsEachTestWithItsOutcomeAndReasons() {
        IpptoolReport report = report(REPORT, 1);

        assertThat(report.tests()).extracting(IpptoolReport.Test::file, IpptoolReport.Test::name,
                        IpptoolReport.Test::outcome)
                .containsExactly(
                        tuple("ipp-1.1.test", "RFC 8011 section 4.1.1: Bad request-id value 0",
                                IpptoolReport.Outcome.PASS),
                        tuple("ipp-1.1.test", "RFC 8011 section 4.2.2: Print-URI Operation",
                                IpptoolReport.Outcome.SKIP),
                        tuple("ipp-1.1.test", "RFC 8011 section 4.2.4: Create-Job Operation",
                                IpptoolReport.Outcome.PASS),
                        tuple("ipp-everywhere.test",
                                "PWG 5100.14 section 5.1/5.2 - Required Operations and Attributes",
                                IpptoolReport.Outcome.FAIL));
        assertThat(report.failures().getFirst().unmetExpectations())
                .containsExactly("overrides-supported WITH-VALUE \"document-number\"");
        assertThat(report.problems()).singleElement().asString().contains("GOT: overrides-supported=\"document-numbers\"");
    }

    @Test
    void aWaiverForgivesOnlyItsOwnExpectation() {
        assertThat(report(REPORT, 1).problemsExcept(Ipptool.DOCUMENT_NUMBER_TYPO)).isEmpty();

        String twoReasons = REPORT + "        EXPECTED: pwg-raster-document-sheet-back\n";
        assertThat(report(twoReasons, 1).problemsExcept(Ipptool.DOCUMENT_NUMBER_TYPO))
                .singleElement().asString().contains("pwg-raster-document-sheet-back");
    }

    @Test
    void anErrorWithoutAFailedTestIsAProblem() {
        assertThat(report("", 1).problems()).isNotEmpty();
        String allPassed = "\"x.test\":\n    Get printer attributes                 [PASS]\n";
        assertThat(report(allPassed, 1).problems()).singleElement().asString().contains("exited with 1");
        assertThat(report(allPassed, 0).problems()).isEmpty();
    }

    @Test
    void aMissingPeerFailsWithTheDebianPackageToInstall() {
        assertThatThrownBy(() -> PeerBinaries.require(Path.of("/nonexistent/ippeveprinter"), "cups-ipp-utils"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("/nonexistent/ippeveprinter is missing: install cups-ipp-utils (see .ci/run)");
    }
}
