package org.opencps.client;

/** What every {@code opencps} command exits with (docs/client.md lists them). */
public final class ExitCodes {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Something failed: a job refused or not printed, the server unreachable, a credential rejected. */
    public static final int FAILED = 1;
    /** The command line itself is wrong: unknown or missing options, a file that does not exist. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
