package org.opencps.client.ipp;

import com.hp.jipp.encoding.AttributeGroup;
import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.model.JobImpressionsCol;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** One IPP printer: its status, printing a document, following and finding its jobs. */
public final class IppPrinter {

    private final IppClient client;
    private final URI uri;
    private final URI printerUri;

    public IppPrinter(IppClient client, URI uri) {
        this.client = client;
        this.uri = uri;
        this.printerUri = IppClient.withoutUserInfo(uri);
    }

    public String display() {
        return printerUri.toString();
    }

    public PrinterStatus status() throws IOException, InterruptedException {
        IppPacket request = IppPacket.getPrinterAttributes(printerUri, Types.printerState, Types.printerStateReasons,
                        Types.printerStateMessage, Types.printerName, Types.printerMakeAndModel, Types.printerSerialNumber,
                        Types.printerUuid, Types.printerImpressionsCompleted, Types.printerPagesCompleted,
                        Types.printerImpressionsCompletedCol)
                .build();
        IppPacket answer = succeeded(client.query(uri, request));
        AttributeGroup printer = answer.get(Tag.printerAttributes);
        if (printer == null) {
            throw new IOException(display() + " answered Get-Printer-Attributes without printer attributes");
        }
        PrinterState state = printer.getValue(Types.printerState);
        JobImpressionsCol split = printer.getValue(Types.printerImpressionsCompletedCol);
        Integer impressions = printer.getValue(Types.printerImpressionsCompleted);
        Integer pages = printer.getValue(Types.printerPagesCompleted);
        Long total = impressions != null ? Long.valueOf(impressions) : pages != null ? Long.valueOf(pages) : null;
        Long color = split == null ? null : sum(split.getFullColor(), split.getHighlightColor());
        Integer monochrome = split == null ? null : split.getMonochrome();
        Long mono = monochrome == null ? null : Long.valueOf(monochrome);
        return new PrinterStatus(state == null ? "unknown" : state.getName(), printer.getStrings(Types.printerStateReasons),
                printer.getString(Types.printerStateMessage), printer.getString(Types.printerName),
                printer.getString(Types.printerMakeAndModel), printer.getString(Types.printerSerialNumber),
                printer.getString(Types.printerUuid), total, color, mono);
    }

    /**
     * Print-Job with the document as it streams. Returns the printer's job id.
     *
     * @throws PrinterRefused when the printer answered with an error (no job was made)
     */
    public int print(PrintRequest job, InputStream document) throws IOException, InterruptedException {
        var builder = IppPacket.printJob(printerUri)
                .putOperationAttributes(Types.requestingUserName.of(job.userName()), Types.jobName.of(job.jobName()),
                        Types.documentFormat.of(job.documentFormat()));
        if (job.copies() != null) {
            builder.putJobAttributes(Types.copies.of(job.copies()));
        }
        if (job.sides() != null) {
            builder.putJobAttributes(Types.sides.of(job.sides()));
        }
        if (job.colorMode() != null) {
            builder.putJobAttributes(Types.printColorMode.of(job.colorMode()));
        }
        if (job.media() != null) {
            builder.putJobAttributes(Types.media.of(job.media()));
        }
        IppPacket answer = succeeded(client.send(uri, builder.build(), document));
        Integer id = answer.getValue(Tag.jobAttributes, Types.jobId);
        if (id == null) {
            throw new IOException(display() + " accepted the job without saying its job-id");
        }
        return id;
    }

    /** The job, or empty when the printer does not know it (any more). */
    public Optional<IppJob> job(int id) throws IOException, InterruptedException {
        IppPacket answer = client.query(uri, IppPacket.getJobAttributes(printerUri, id, Types.jobId, Types.jobName,
                Types.jobState, Types.jobStateReasons, Types.jobStateMessage, Types.jobImpressionsCompleted).build());
        if (answer.getCode() == Status.clientErrorNotFound.getCode()) {
            return Optional.empty();
        }
        AttributeGroup group = succeeded(answer).get(Tag.jobAttributes);
        return group == null ? Optional.empty() : Optional.of(jobOf(group));
    }

    /** The newest job with exactly this name, among the printer's current and finished jobs. */
    public Optional<IppJob> findByName(String jobName) throws IOException, InterruptedException {
        IppJob found = null;
        for (String which : List.of("not-completed", "completed")) {
            IppPacket request = IppPacket.getJobs(printerUri, Types.jobId, Types.jobName, Types.jobState,
                            Types.jobStateReasons, Types.jobStateMessage, Types.jobImpressionsCompleted)
                    .putOperationAttributes(Types.whichJobs.of(which))
                    .build();
            for (AttributeGroup group : succeeded(client.query(uri, request)).getAttributeGroups()) {
                if (group.getTag() == Tag.jobAttributes && jobName.equals(group.getString(Types.jobName))) {
                    IppJob job = jobOf(group);
                    if (found == null || job.id() > found.id()) {
                        found = job;
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    public void cancel(int id) throws IOException, InterruptedException {
        succeeded(client.query(uri, IppPacket.cancelJob(printerUri, id).build()));
    }

    private static IppJob jobOf(AttributeGroup group) {
        Integer id = group.getValue(Types.jobId);
        JobState state = group.getValue(Types.jobState);
        return new IppJob(id == null ? -1 : id, group.getString(Types.jobName), state == null ? 0 : state.getCode(),
                group.getStrings(Types.jobStateReasons), group.getValue(Types.jobImpressionsCompleted),
                group.getString(Types.jobStateMessage));
    }

    private static IppPacket succeeded(IppPacket answer) {
        if (answer.getCode() > 0x00FF) {
            Status status = answer.getStatus();
            throw new PrinterRefused(answer.getCode(), status.getName(),
                    answer.getString(Tag.operationAttributes, Types.statusMessage));
        }
        return answer;
    }

    private static Long sum(Integer a, Integer b) {
        if (a == null && b == null) {
            return null;
        }
        return (long) (a == null ? 0 : a) + (b == null ? 0 : b);
    }
}
