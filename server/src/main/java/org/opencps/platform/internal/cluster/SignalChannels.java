package org.opencps.platform.internal.cluster;

import org.opencps.platform.cluster.ClusterSignals;

/** The checks both kinds of {@link ClusterSignals} make on what they are given. */
public final class SignalChannels {

    static final int MAX_PAYLOAD_CHARS = 7_000;

    private SignalChannels() {
    }

    public static void check(String channel, String payload) {
        if (channel == null || !channel.matches(ClusterSignals.CHANNEL_PATTERN)) {
            throw new IllegalArgumentException("not a signal channel name: " + channel);
        }
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("a signal's payload is required and at most " + MAX_PAYLOAD_CHARS + " characters");
        }
    }
}
