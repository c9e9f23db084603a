package org.opencps.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencps.platform.ids.UserId;

/**
 * An organization's Google Workspace import as its admins see it: whether the deployment can connect at all, the
 * connection, what is imported, the last import with its progress, and the people gone at Google awaiting a decision.
 */
public record GoogleWorkspaceStatus(boolean available, boolean connected, Instant connectedAt, boolean allUsers,
                                    List<String> groupKeys, Job lastImport, List<GoneUser> gone) {

    /** state: QUEUED, RUNNING, DONE or FAILED; usersDone of usersTotal is the progress. */
    public record Job(UUID id, String state, Instant requestedAt, Instant startedAt, Instant finishedAt, int usersTotal,
                      int usersDone, int usersCreated, int usersUpdated, int usersSkipped, int usersGone, String failure) {
    }

    /** reason: SUSPENDED, REMOVED (no longer in the directory) or NOT_CHOSEN (no longer in a chosen group). */
    public record GoneUser(UserId userId, String email, Instant goneSince, String reason) {
    }

    /** A group of the directory, for choosing. */
    public record DirectoryGroup(String id, String email, String name) {
    }
}
