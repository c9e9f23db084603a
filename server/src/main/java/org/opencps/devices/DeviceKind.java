package org.opencps.devices;

/** A printer (with an embedded app, or stood in for by an agent), or an edge agent. */
public enum DeviceKind { PRINTER, AGENT }
