package org.opencps.platform.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A master key kept in a file readable by the server's account only, created on first start. */
final class LocalFileMasterKey implements MasterKey {

    private static final Logger log = LoggerFactory.getLogger(LocalFileMasterKey.class);

    private final Aead aead;

    LocalFileMasterKey(Path file) {
        try {
            this.aead = loadOrCreate(file).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("master key file " + file + " is not a valid keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create master key file " + file, e);
        }
    }

    @Override
    public Aead keysetWrapper() {
        return aead;
    }

    private static KeysetHandle loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            create(file);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeysetHandle handle = KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM"));
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            throw new IOException("the master key file " + file + " must be a file in a folder");
        }
        Files.createDirectories(folder);
        try {
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        log.info("Created a new master key in {} (owner-only). Back it up: without it no document or secret can be read.", file);
    }
}
