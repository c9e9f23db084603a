package org.opencps.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/** The folder holding all embedded state: database, keys, documents, the mail outbox. */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(OpenCpsProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A sub-folder, created on first use, readable by the server's own account only. */
    public Path privateFolder(String name) {
        Path folder = root.resolve(name);
        try {
            Files.createDirectories(folder);
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + folder, e);
        }
    }
}
