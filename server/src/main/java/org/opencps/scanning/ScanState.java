package org.opencps.scanning;

/** A scan's delivery: waiting for a (next) attempt, done, or given up. */
public enum ScanState {
    PENDING, DELIVERED, FAILED
}
