package org.opencps.platform.internal.cluster;

import org.opencps.platform.cluster.ClusterSignals;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Signals within this one process: the single-process path, on H2. */
public final class InProcessSignals implements ClusterSignals {

    private final SignalListeners listeners = new SignalListeners();

    @Override
    public void send(String channel, String payload) {
        SignalListeners.check(channel, payload);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            listeners.deliver(channel, payload);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                listeners.deliver(channel, payload);
            }
        });
    }

    @Override
    public void listen(String channel, Listener listener) {
        listeners.add(channel, listener);
    }

    @Override
    public boolean receiving() {
        return true;
    }
}
