package org.opencps.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/**
 * The folder tree and configuration of a private cupsd (see shared/PEERS.md): loopback only, no browsing,
 * no authentication, no web interface, no kept job files; every file it reads or writes under one folder.
 * It logs at info: {@link PrivateCupsd#addDriverlessQueue} waits for the line saying a new queue is ready.
 * Finished jobs stay listed (PreserveJobHistory Yes) so that a test can ask how they ended.
 */
final class CupsdFiles {

    private final Path root;

    CupsdFiles(Path root) {
        this.root = root;
    }

    Path cupsdConf() {
        return root.resolve("etc/cupsd.conf");
    }

    Path cupsFilesConf() {
        return root.resolve("etc/cups-files.conf");
    }

    /** Read by cupsd's filters and backends (they get CUPS_SERVERROOT), not by the client tools. */
    Path clientConf() {
        return root.resolve("etc/client.conf");
    }

    /** Where the ipp backend keeps the certificates it trusts: cupsd runs it with HOME set to TempDir. */
    Path backendTrustStore() {
        return root.resolve("spool/tmp/.cups/ssl");
    }

    Path errorLog() {
        return root.resolve("log/error_log");
    }

    Path stdoutLog(int attempt) {
        return root.resolve("log/cupsd-" + attempt + ".out");
    }

    /** Creates the folders, gives the spool, cache and state folders to lp, and writes both files. */
    void write(int port) {
        for (String dir : new String[] {"etc", "spool/tmp", "cache", "state", "log"}) {
            WorkDirs.mkdirs(root.resolve(dir));
        }
        for (String dir : new String[] {"spool", "spool/tmp", "cache", "state"}) {
            giveToLp(root.resolve(dir));
        }
        writeFile(cupsdConf(), """
                Listen 127.0.0.1:%d
                Browsing No
                BrowseLocalProtocols none
                DefaultAuthType None
                WebInterface No
                MaxJobs 0
                PreserveJobHistory Yes
                PreserveJobFiles No
                LogLevel info
                <Location />
                  Order allow,deny
                  Allow all
                </Location>
                <Policy default>
                  <Limit All>
                    Order deny,allow
                  </Limit>
                </Policy>
                """.formatted(port));
        writeFile(cupsFilesConf(), """
                User lp
                Group lp
                SystemGroup root lpadmin
                FileDevice Yes
                ServerRoot %1$s/etc
                ServerKeychain %1$s/etc/ssl
                RequestRoot %1$s/spool
                TempDir %1$s/spool/tmp
                CacheDir %1$s/cache
                StateDir %1$s/state
                Printcap %1$s/state/printcap
                AccessLog %1$s/log/access_log
                ErrorLog %1$s/log/error_log
                PageLog %1$s/log/page_log
                """.formatted(root));
        // CUPS trusts any certificate it sees first by default; here only a pinned one (trustCertificate)
        writeFile(clientConf(), "TrustOnFirstUse No\n");
    }

    /** Makes the backend trust this PEM certificate for {@code host}, the host name in a queue's ipps URI. */
    void trustCertificate(String host, String pem) {
        Path store = backendTrustStore();
        WorkDirs.mkdirs(store);
        writeFile(store.resolve(host + ".crt"), pem);
        for (Path path : new Path[] {store.getParent(), store, store.resolve(host + ".crt")}) {
            giveToLp(path);
        }
    }

    private static void giveToLp(Path dir) {
        try {
            UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal lp = names.lookupPrincipalByName("lp");
            GroupPrincipal lpGroup = names.lookupPrincipalByGroupName("lp");
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(lp);
            view.setGroup(lpGroup);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + dir + " to the lp account (cupsd runs its filters as lp)", e);
        }
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
