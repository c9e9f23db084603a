package org.opencps.documents.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.opencps.documents.DocumentId;
import org.opencps.platform.ids.OrgId;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects {@code <org>/<document>} in one bucket, written by multipart upload in parts of
 * {@link #PART_SIZE} (one part buffered at a time), so a document of any size streams through a
 * bounded buffer. An upload becomes an object only when it is completed; one left behind by a crash
 * is listed (as incomplete) and aborted by the sweep.
 */
public class S3BlobStore implements BlobStore {

    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Upload begin(OrgId org, DocumentId id) {
        String key = key(org, id);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        return new MultipartUpload(key, uploadId);
    }

    @Override
    public InputStream read(OrgId org, DocumentId id) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(org, id)));
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    public SeekableByteChannel readSeekable(OrgId org, DocumentId id) {
        String key = key(org, id);
        try {
            long size = s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
            return new S3RangeChannel(s3, bucket, key, size);
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void delete(OrgId org, DocumentId id) {
        s3.deleteObject(b -> b.bucket(bucket).key(key(org, id)));
    }

    @Override
    public void deleteAll(OrgId org) {
        List<ObjectIdentifier> batch = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(org + "/")).contents()) {
            batch.add(ObjectIdentifier.builder().key(object.key()).build());
            if (batch.size() == 1000) {
                deleteBatch(batch);
            }
        }
        deleteBatch(batch);
        s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(org + "/")).uploads()
                .forEach(u -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
    }

    private void deleteBatch(List<ObjectIdentifier> batch) {
        if (!batch.isEmpty()) {
            // one by one: not every S3-compatible store implements the multi-object delete
            batch.forEach(o -> s3.deleteObject(b -> b.bucket(bucket).key(o.key())));
            batch.clear();
        }
    }

    @Override
    public void list(Consumer<Blob> each) {
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            Blob blob = parse(object.key(), object.lastModified(), false, object.size() == null ? 0 : object.size());
            if (blob != null) {
                each.accept(blob);
            }
        }
        s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().forEach(upload -> {
            Blob blob = parse(upload.key() + "\n" + upload.uploadId(), upload.initiated(), true, 0);
            if (blob != null) {
                each.accept(blob);
            }
        });
    }

    @Override
    public void remove(Blob blob) {
        if (blob.incomplete()) {
            String[] keyAndUpload = blob.handle().split("\n", 2);
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(keyAndUpload[0]).uploadId(keyAndUpload[1]));
        } else {
            s3.deleteObject(b -> b.bucket(bucket).key(blob.handle()));
        }
    }

    private static Blob parse(String handle, java.time.Instant modified, boolean incomplete, long size) {
        String key = handle.split("\n", 2)[0];
        String[] parts = key.split("/");
        if (parts.length != 2) {
            return null;
        }
        try {
            OrgId org = OrgId.parse(parts[0]);
            DocumentId id = DocumentId.parse(parts[1]);
            return new Blob(org, incomplete ? null : id, modified, handle, size);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String key(OrgId org, DocumentId id) {
        return org + "/" + id;
    }

    private final class MultipartUpload extends OutputStream implements Upload {

        private final String key;
        private final String uploadId;
        private final byte[] part = new byte[PART_SIZE];
        private final List<CompletedPart> parts = new ArrayList<>();
        private int filled;
        private boolean done;

        MultipartUpload(String key, String uploadId) {
            this.key = key;
            this.uploadId = uploadId;
        }

        @Override
        public OutputStream stream() {
            return this;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, part.length - filled);
                System.arraycopy(bytes, offset, part, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == part.length) {
                    sendPart();
                }
            }
        }

        private void sendPart() {
            int number = parts.size() + 1;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength((long) filled), RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        }

        @Override
        public void commit() {
            if (filled > 0 || parts.isEmpty()) {
                sendPart();
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            done = true;
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            }
        }
    }
}
