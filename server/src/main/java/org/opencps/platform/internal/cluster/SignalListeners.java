package org.opencps.platform.internal.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencps.platform.cluster.ClusterSignals;
import org.opencps.platform.cluster.ClusterSignals.Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners of each signal channel, and their calls: one failing listener does not keep a signal from the others. */
public final class SignalListeners {

    static final int MAX_PAYLOAD_CHARS = 7_000;
    private static final Logger log = LoggerFactory.getLogger(SignalListeners.class);

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    /** Checks what a {@link ClusterSignals} is given to send or listen to. */
    public static void check(String channel, String payload) {
        if (channel == null || !channel.matches(ClusterSignals.CHANNEL_PATTERN)) {
            throw new IllegalArgumentException("not a signal channel name: " + channel);
        }
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("a signal's payload is required and at most " + MAX_PAYLOAD_CHARS + " characters");
        }
    }

    public void add(String channel, Listener listener) {
        check(channel, "");
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    public Set<String> channels() {
        return listeners.keySet();
    }

    public void deliver(String channel, String payload) {
        for (Listener listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.signal(payload);
            } catch (RuntimeException e) {
                log.warn("a listener of the signal channel {} failed: {}", channel, e.toString());
            }
        }
    }

    /** Tells every listener that signals may have been lost. */
    public void missed() {
        listeners.values().forEach(list -> list.forEach(Listener::missed));
    }
}
