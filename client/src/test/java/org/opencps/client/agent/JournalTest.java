package org.opencps.client.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.client.agent.Journal.Action;
import org.opencps.client.agent.Journal.Step;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Owner;
import org.opencps.client.device.DeviceMessages.Release;

/**
 * The journal after a crash: every step recorded before the agent acts on it, so a restarted agent
 * never sends a job again that it had started to send. A "crash" here is a second journal opened on
 * the file while the first is still open, as a new process finds it after a kill.
 */
class JournalTest {

    private static final String PRINTER = "7b0a3c1e-5d2f-4e6a-9b8c-0d1e2f3a4b5c";
    private static final Release RELEASE = new Release("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", "Minutes", "PDF", 3, 2,
            "MONOCHROME", "TWO_SIDED_LONG_EDGE", "iso_a4_210x297mm", 6, new Owner("Ada"));

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("journal.jsonl");
    }

    @Test
    void aJobCutOffBetweenPrintingAndPrintedIsLookedForOnThePrinterNeverSentAgain() throws IOException {
        Journal before = Journal.open(file());
        before.printing(PRINTER, RELEASE);

        Journal after = Journal.open(file());

        Optional<Journal.Entry> entry = after.find(PRINTER, RELEASE.jobId());
        assertThat(entry).get().extracting(Journal.Entry::step).isEqualTo(Step.PRINTING);
        assertThat(Journal.next(entry)).isEqualTo(Action.FIND_ON_PRINTER).isNotEqualTo(Action.SEND);
        assertThat(entry.get().release()).isEqualTo(RELEASE);
        assertThatThrownBy(() -> after.printing(PRINTER, RELEASE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aJobThePrinterAcceptedIsFollowedByItsPrinterJobIdAfterACrash() throws IOException {
        Journal before = Journal.open(file());
        before.sent(before.printing(PRINTER, RELEASE), 42);

        Optional<Journal.Entry> entry = Journal.open(file()).find(PRINTER, RELEASE.jobId());

        assertThat(Journal.next(entry)).isEqualTo(Action.AWAIT_PRINTER);
        assertThat(entry.get().ippJobId()).isEqualTo(42);
    }

    @Test
    void aPrintedJobOnlyLacksItsReportAfterACrash() throws IOException {
        Journal before = Journal.open(file());
        var outcome = new Outcome(true, 6, 0, 6, true, null);
        before.printed(before.sent(before.printing(PRINTER, RELEASE), 42), outcome);

        Optional<Journal.Entry> entry = Journal.open(file()).find(PRINTER, RELEASE.jobId());

        assertThat(Journal.next(entry)).isEqualTo(Action.REPORT);
        assertThat(entry.get().outcome()).isEqualTo(outcome);
        assertThat(entry.get().ippJobId()).isEqualTo(42);
    }

    @Test
    void aReportedJobIsForgottenSoALaterReleaseOfItPrintsAndTheFileShrinks() throws IOException {
        Journal before = Journal.open(file());
        var entry = before.printed(before.sent(before.printing(PRINTER, RELEASE), 42), new Outcome(false, 0, 0, 0, true, "jam"));
        before.reported(entry);
        assertThat(before.find(PRINTER, RELEASE.jobId())).isEmpty();

        Journal after = Journal.open(file());

        assertThat(Journal.next(after.find(PRINTER, RELEASE.jobId()))).isEqualTo(Action.SEND);
        assertThat(after.unfinished()).isEmpty();
        assertThat(Files.readString(file())).isEmpty();
    }

    @Test
    void anAbandonedJobNeverReachedThePrinterAndMayBeSent() throws IOException {
        Journal journal = Journal.open(file());
        journal.abandoned(journal.printing(PRINTER, RELEASE));

        assertThat(Journal.next(Journal.open(file()).find(PRINTER, RELEASE.jobId()))).isEqualTo(Action.SEND);
    }

    @Test
    void aRecordTornByACrashIsDroppedAndTheStepBeforeItStands() throws IOException {
        Journal journal = Journal.open(file());
        journal.printing(PRINTER, RELEASE);
        Files.writeString(file(), "{\"printer\":\"" + PRINTER + "\",\"jobId\":\"" + RELEASE.jobId() + "\",\"step\":\"SE",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Journal after = Journal.open(file());

        assertThat(after.find(PRINTER, RELEASE.jobId())).get().extracting(Journal.Entry::step).isEqualTo(Step.PRINTING);
        assertThat(Files.readString(file())).endsWith("\n").doesNotContain("\"SE\n");
    }

    @Test
    void aRecordDamagedOtherwiseThanByATornEndStopsTheAgentRatherThanRiskASecondPrint() throws IOException {
        Journal journal = Journal.open(file());
        journal.printing(PRINTER, RELEASE);
        Files.writeString(file(), "{\"broken\": \n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Journal.open(file())).isInstanceOf(IOException.class).hasMessageContaining("damaged at line");
    }

    @Test
    void onlyItsOwnerMayReadTheJournal() throws IOException {
        Journal.open(file()).printing(PRINTER, RELEASE);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }
}
