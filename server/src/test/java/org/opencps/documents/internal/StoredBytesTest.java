package org.opencps.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencps.documents.DocumentId;
import org.opencps.documents.internal.blob.BlobStore;
import org.opencps.documents.internal.blob.FilesystemBlobStore;
import org.opencps.platform.ids.OrgId;

class StoredBytesTest {

    @TempDir
    Path root;

    @Test
    void measuresTheCommittedBlobsAndNotAnUnfinishedUpload() throws Exception {
        var store = new FilesystemBlobStore(root);
        var registry = new SimpleMeterRegistry();
        var storedBytes = new StoredBytes(store, registry);
        assertThat(registry.get("opencps.documents.stored").gauge().value()).isNaN();

        write(store, OrgId.random(), 1000);
        write(store, OrgId.random(), 234);
        BlobStore.Upload unfinished = store.begin(OrgId.random(), DocumentId.random());
        unfinished.stream().write(new byte[5000]);
        unfinished.stream().flush();
        storedBytes.measure();

        assertThat(registry.get("opencps.documents.stored").gauge().value()).isEqualTo(1234.0);
        unfinished.close();
    }

    private static void write(BlobStore store, OrgId org, int bytes) throws Exception {
        try (BlobStore.Upload upload = store.begin(org, DocumentId.random())) {
            upload.stream().write(new byte[bytes]);
            upload.commit();
        }
    }
}
