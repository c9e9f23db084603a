package org.opencps.client.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencps.client.device.DeviceApi;
import org.opencps.client.device.DeviceMessages.NewPrinter;
import org.opencps.client.device.DeviceState;
import org.opencps.client.http.Retry;
import org.opencps.client.ipp.IppClient;
import org.opencps.client.ipp.IppPrinter;
import org.opencps.client.ipp.PrinterRefused;
import org.opencps.client.ipp.PrinterStatus;

/**
 * Each printer given with {@code --printer} is added once (POST /printers) and its device id kept in
 * the state folder, under its URI without user name and password.
 */
final class PrinterRegistry {

    private final DeviceState state;
    private final DeviceApi api;
    private final Retry retry;
    private final AgentLog log;

    PrinterRegistry(DeviceState state, DeviceApi api, Retry retry, AgentLog log) {
        this.state = state;
        this.api = api;
        this.retry = retry;
        this.log = log;
    }

    /** Printer URI (as given) to its device id, adding the printers not added before. */
    Map<URI, String> ensure(List<URI> uris, IppClient ipp) throws IOException, InterruptedException {
        Map<String, String> known = state.printers();
        Map<URI, String> ids = new LinkedHashMap<>();
        for (URI uri : uris) {
            String key = IppClient.display(uri);
            String id = known.get(key);
            if (id == null) {
                NewPrinter printer = describe(uri, new IppPrinter(ipp, uri));
                id = retry.call("adding printer " + key, () -> api.addPrinter(printer)).deviceId();
                state.savePrinter(key, id);
                log.info("added printer " + key + " as device " + id);
            }
            ids.put(uri, id);
        }
        known.keySet().stream().filter(key -> uris.stream().map(IppClient::display).noneMatch(key::equals))
                .forEach(key -> log.info("printer " + key + " was added in an earlier run but is not given now: not served"));
        return ids;
    }

    private NewPrinter describe(URI uri, IppPrinter printer) throws InterruptedException {
        String host = uri.getHost();
        String address = null;
        try {
            address = InetAddress.getByName(host).getHostAddress();
        } catch (IOException e) {
            log.warn("cannot resolve " + host + ": " + e.getMessage());
        }
        try {
            PrinterStatus status = printer.status();
            String serial = status.serialNumber() != null ? status.serialNumber() : status.uuid();
            String name = status.name() != null ? status.name() : host;
            return new NewPrinter(name, IppClient.display(uri), status.makeAndModel(), serial, host, address);
        } catch (IOException | PrinterRefused e) {
            log.warn("printer " + IppClient.display(uri) + " does not answer (" + e.getMessage() + "); adding it by its address");
            return new NewPrinter(host, IppClient.display(uri), null, null, host, address);
        }
    }
}
