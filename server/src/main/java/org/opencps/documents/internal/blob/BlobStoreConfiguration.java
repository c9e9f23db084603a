package org.opencps.documents.internal.blob;

import org.opencps.documents.internal.DocumentsProperties;
import org.opencps.platform.config.DataDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Chooses the blob store from {@code opencps.documents.store}: filesystem (default) or s3. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(DocumentsProperties properties, DataDirectory dataDirectory) {
        return switch (properties.store()) {
            case FILESYSTEM -> new FilesystemBlobStore(dataDirectory.privateFolder("documents"));
            case S3 -> new S3BlobStore(s3Client(properties.s3()), requireBucket(properties.s3()));
        };
    }

    static S3Client s3Client(DocumentsProperties.S3 s3) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // S3-compatible stores do not all know the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static String requireBucket(DocumentsProperties.S3 s3) {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("opencps.documents.s3.bucket must be set when opencps.documents.store=s3");
        }
        return s3.bucket();
    }
}
