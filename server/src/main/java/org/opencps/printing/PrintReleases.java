package org.opencps.printing;

import java.io.InputStream;
import java.util.List;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;

/**
 * Releasing held jobs to a printer and hearing back how printing went: the face the device API,
 * the edge agent's routes and "release at printer X" call. Printing never knows devices beyond
 * their id: the caller has authenticated the device (and the person) already.
 */
public interface PrintReleases {

    /**
     * The person (working in the job's organization) releases one of their held jobs to a device.
     * Someone else's job, or one of another organization, is a {@link
     * org.opencps.platform.errors.NotFoundException}. The organization's policy is applied and the
     * person's overrides ({@code options}: nulls keep the job's ticket) are checked against it
     * ({@link org.opencps.platform.errors.InvalidInputException} naming the field); then, in one
     * transaction, every quota that applies is charged and the job moves HELD -> RELEASED, and
     * {@link PrintJobReleased} is published. Over a quota: {@link QuotaExceededException} (422,
     * field "quota", saying what is left), nothing changes. Not HELD: {@link
     * org.opencps.platform.errors.ConflictException}. Call it outside a transaction of your own: each
     * release commits, or is refused, by itself (releasing several jobs is one call per job).
     */
    Release release(Actor person, JobId job, DeviceId device, ReleaseOptions options);

    /**
     * The policy the person's releases meet, read afresh (so that a page can show it); {@link
     * #release} applies it again whatever the caller made of it.
     */
    ReleaseRules releaseRules(Actor person);

    /** Jobs released to this device and not yet reported, oldest first. The caller has authenticated the device. */
    List<Release> releasedTo(OrgId org, DeviceId device);

    /**
     * A job released to this device and not yet reported; {@link
     * org.opencps.platform.errors.NotFoundException} for any other (the access policy's rule).
     */
    Release released(OrgId org, DeviceId device, JobId job);

    /**
     * The decrypted document of a job released to this device, streamed (the caller closes it);
     * {@link org.opencps.platform.errors.NotFoundException} for any other job.
     */
    InputStream releasedDocument(OrgId org, DeviceId device, JobId job);

    /**
     * What the device did with a job released to it. Success: COMPLETED, usage recorded (counted
     * beside reported pages), the document deleted right after the commit ({@link PrintJobCompleted}).
     * Failure: back to HELD with its quota charge returned ({@link PrintJobFailed}). A job not
     * released to this device: NotFoundException; one already reported: ConflictException.
     */
    void reportOutcome(OrgId org, DeviceId device, JobId job, PrintOutcome outcome);
}
