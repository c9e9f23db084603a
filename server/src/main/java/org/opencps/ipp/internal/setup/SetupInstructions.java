package org.opencps.ipp.internal.setup;

import java.util.UUID;
import org.opencps.ipp.QueueSetup;
import org.opencps.ipp.SecretQueueSetup;

/**
 * How to add the queue on each system (IPP.md §2 and §6). CUPS-based systems (Linux, macOS) and
 * iOS sign in with HTTP Basic; Windows' IPP class driver, Android and ChromeOS send no password,
 * so they use the secret queue URL.
 */
public final class SetupInstructions {

    public static final String SIGN_IN = "User name: your e-mail address. Password: your OpenCPS password, or a personal API token"
            + " (ocps_..., from POST /api/v1/me/tokens) if you sign in with single sign-on.";

    private SetupInstructions() {
    }

    public static QueueSetup.Instructions setup(QueueUrls urls, UUID queueId) {
        String lpadmin = "lpadmin -p OpenCPS -E -v " + urls.queue(queueId) + " -m everywhere -o auth-info-required=username,password";
        String needsSecret = "create a secret queue URL first (POST /api/v1/me/print-queue/secret): ";
        return new QueueSetup.Instructions(
                lpadmin,
                lpadmin + "   (or System Settings > Printers & Scanners > Add Printer > IP: address " + urls.authority()
                        + ", protocol IPP, queue /ipp/print/" + queueId + ")",
                needsSecret + "Add-Printer -Name \"OpenCPS\" -DriverName \"Microsoft IPP Class Driver\" -PortName \"<secret http"
                        + (urls.tls() ? "s" : "") + " URL>\"",
                "iPhone and iPad cannot add a printer by address: install the AirPrint configuration profile from your"
                        + " administrator (host " + urls.hostName() + ", port " + urls.port() + ", resource path /ipp/print/"
                        + queueId + (urls.tls() ? ", TLS on" : "") + "), then pick OpenCPS when printing and sign in.",
                needsSecret + "then Settings > Connected devices > Connection preferences > Printing > Default Print Service"
                        + " > Add printer, and enter the secret queue URL.",
                needsSecret + "then Settings > Advanced > Print and scan > Printers > Add printer > Add manually: address "
                        + urls.authority() + ", protocol " + (urls.tls() ? "IPPS" : "IPP") + ", queue /ipp/secret/<secret>.");
    }

    public static SecretQueueSetup.Instructions secretSetup(QueueUrls urls, String secret) {
        return new SecretQueueSetup.Instructions(
                "Add-Printer -Name \"OpenCPS\" -DriverName \"Microsoft IPP Class Driver\" -PortName \"" + urls.secretHttp(secret) + "\"",
                "Settings > Connected devices > Connection preferences > Printing > Default Print Service > Add printer: "
                        + urls.secret(secret),
                "Settings > Advanced > Print and scan > Printers > Add printer > Add manually: address " + urls.authority()
                        + ", protocol " + (urls.tls() ? "IPPS" : "IPP") + ", queue /ipp/secret/" + secret);
    }
}
