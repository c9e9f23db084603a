package org.opencps.platform.cluster;

/**
 * Wake-ups sent to every server process on the database, this one included: PostgreSQL's
 * {@code LISTEN/NOTIFY} with several processes, a call in this process on H2. A signal says
 * "look again", never what is true: the database is the truth, and a listener must be right even
 * when a signal comes late, twice, or (after {@link Listener#missed}) not at all.
 */
public interface ClusterSignals {

    /** Channel names: lower-case letters, digits and underscores, at most 63 characters. */
    String CHANNEL_PATTERN = "[a-z][a-z0-9_]{0,62}";

    /**
     * Sends {@code payload} (at most 7,000 characters) on {@code channel} once the current
     * transaction commits, at once without one; a rolled-back transaction sends nothing.
     */
    void send(String channel, String payload);

    /** Calls {@code listener} for each signal on {@code channel} from now on, on a thread of the signals. */
    void listen(String channel, Listener listener);

    /**
     * True while this process receives every signal; false while it may be missing some (its
     * listening connection is down), and then what relies on signals must not trust what it remembers.
     */
    boolean receiving();

    interface Listener {

        void signal(String payload);

        /** Signals may have been lost (the listening connection broke, or came back): look at everything again. */
        default void missed() {
        }
    }
}
