package org.opencps.documents.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.Consumer;
import org.opencps.documents.DocumentId;
import org.opencps.platform.ids.OrgId;

/**
 * Blobs as files {@code <root>/<org>/<document>}. A blob is written to a temporary file beside it,
 * forced to disk, and renamed into place atomically (and the folder forced too, and the root when
 * the organization's folder is new), so a crash or the loss of the page cache leaves either the
 * whole blob or a temporary file, never a partial blob, and a committed blob stays.
 */
public class FilesystemBlobStore implements BlobStore {

    private static final String TEMP_SUFFIX = ".partial";

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public Upload begin(OrgId org, DocumentId id) throws IOException {
        Path folder = root.resolve(org.toString());
        if (!Files.isDirectory(folder)) {
            // only when missing: on an existing folder it throws and catches an exception, on every upload
            Files.createDirectories(folder);
            // the new folder's own name must reach the device too, or a blob in it could vanish with it
            forceFolder(root);
        }
        Path target = folder.resolve(id.toString());
        Path temp = folder.resolve(id + "." + UUID.randomUUID() + TEMP_SUFFIX);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FileUpload(folder, target, temp, channel);
    }

    @Override
    public InputStream read(OrgId org, DocumentId id) throws IOException {
        try {
            return Files.newInputStream(path(org, id));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public SeekableByteChannel readSeekable(OrgId org, DocumentId id) throws IOException {
        try {
            return FileChannel.open(path(org, id), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void delete(OrgId org, DocumentId id) throws IOException {
        Files.deleteIfExists(path(org, id));
    }

    @Override
    public void deleteAll(OrgId org) throws IOException {
        Path folder = root.resolve(org.toString());
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    @Override
    public void list(Consumer<Blob> each) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> orgs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : orgs) {
                OrgId org = parseOrg(folder.getFileName().toString());
                if (org == null) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        var modified = Files.getLastModifiedTime(file).toInstant();
                        DocumentId id = name.endsWith(TEMP_SUFFIX) ? null : parseDocument(name);
                        if (id != null || name.endsWith(TEMP_SUFFIX)) {
                            each.accept(new Blob(org, id, modified, file.toString(), id == null ? 0 : Files.size(file)));
                        }
                    }
                }
            }
        }
    }

    @Override
    public void remove(Blob blob) throws IOException {
        Path file = Path.of(blob.handle());
        if (!file.normalize().startsWith(root)) {
            throw new IllegalArgumentException("not a blob of this store");
        }
        Files.deleteIfExists(file);
    }

    private Path path(OrgId org, DocumentId id) {
        return root.resolve(org.toString()).resolve(id.toString());
    }

    private static OrgId parseOrg(String name) {
        try {
            return OrgId.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DocumentId parseDocument(String name) {
        try {
            return DocumentId.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // some platforms cannot open a folder for syncing; the rename itself is still atomic
        }
    }

    private static final class FileUpload implements Upload {

        private final Path folder;
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean committed;

        FileUpload(Path folder, Path target, Path temp, FileChannel channel) {
            this.folder = folder;
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.stream = Channels.newOutputStream(channel);
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() throws IOException {
            channel.force(true);
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            forceFolder(folder);
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                channel.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the incomplete blob " + temp, e);
            }
        }
    }
}
