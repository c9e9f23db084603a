package org.opencps.printing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.opencps.platform.config.DataDirectory;
import org.opencps.platform.ids.OrgId;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Component;

/** The encrypted blobs the filesystem store keeps for an organization, for tests to count. */
@Component
@TestComponent
public class StoredBlobs {

    private final DataDirectory dataDirectory;

    StoredBlobs(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Complete blobs only. */
    public List<Path> of(OrgId org) throws IOException {
        return allFilesOf(org).stream().filter(p -> !p.getFileName().toString().endsWith(".partial")).toList();
    }

    /** Blobs and any incomplete (temporary) files. */
    public List<Path> allFilesOf(OrgId org) throws IOException {
        Path folder = dataDirectory.root().resolve("documents").resolve(org.toString());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
