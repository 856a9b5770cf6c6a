package dev.parley.storage;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the file storage by {@code parley.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    FileStorage fileStorage(StorageSettings settings, @Value("${parley.data-dir}") Path dataDir) {
        return switch (settings.type()) {
            case LOCAL -> new LocalFileStorage(settings.local().directory() != null
                    ? settings.local().directory() : dataDir.resolve("files"));
            case S3 -> {
                var storage = new S3FileStorage(s3Client(settings.s3()), settings.s3().bucket(),
                        S3FileStorage.DEFAULT_PART_SIZE);
                storage.createBucketIfMissing();
                yield storage;
            }
        };
    }

    static S3Client s3Client(StorageSettings.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings));
        if (settings.endpoint() != null) {
            // S3-compatible stores differ in which newer checksum headers they accept; send them only when required
            builder.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageSettings.S3 settings) {
        if (settings.accessKey() == null || settings.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey()));
    }
}
