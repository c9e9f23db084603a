package org.opencps.client;

/** Entry point of the {@code opencps} command (the runnable jar's main class). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Opencps.execute(args));
    }
}
