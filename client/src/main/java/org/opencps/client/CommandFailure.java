package org.opencps.client;

/**
 * Ends a command with a message for the person at the terminal and an exit code. The message must
 * never contain a secret (tokens, credentials, PINs, passwords).
 */
public class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CommandFailure usage(String message) {
        return new CommandFailure(ExitCodes.USAGE, message);
    }

    public static CommandFailure failed(String message) {
        return new CommandFailure(ExitCodes.FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
