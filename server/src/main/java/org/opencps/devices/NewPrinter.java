package org.opencps.devices;

/** A LAN printer an edge agent stands in for, reached by the agent at {@code uri}. */
public record NewPrinter(String name, String uri, String model, String serialNumber, String hostName, String ipAddress) {
}
