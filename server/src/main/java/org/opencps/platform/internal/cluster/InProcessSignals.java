package org.opencps.platform.internal.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencps.platform.cluster.ClusterSignals;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Signals within this one process: the single-process path, on H2. */
public final class InProcessSignals implements ClusterSignals {

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    @Override
    public void send(String channel, String payload) {
        SignalChannels.check(channel, payload);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deliver(channel, payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(channel, payload);
            }
        });
    }

    @Override
    public void listen(String channel, Listener listener) {
        SignalChannels.check(channel, "");
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
    }

    @Override
    public boolean receiving() {
        return true;
    }

    private void deliver(String channel, String payload) {
        listeners.getOrDefault(channel, List.of()).forEach(listener -> listener.signal(payload));
    }
}
