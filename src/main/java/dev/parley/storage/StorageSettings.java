package dev.parley.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of file storage, under {@code parley.storage}.
 *
 * @param type {@code local} (a directory) or {@code s3} (any S3-compatible store)
 * @param local where local files go; unset: {@code <data-dir>/files}
 * @param s3 the bucket and how to reach it
 */
@Validated
@ConfigurationProperties("parley.storage")
public record StorageSettings(
        @DefaultValue("local") @NotNull Type type,
        @DefaultValue @Valid Local local,
        @DefaultValue @Valid S3 s3) {

    public enum Type { LOCAL, S3 }

    /** @param directory the root directory; unset: {@code <data-dir>/files} */
    public record Local(Path directory) {
    }

    /**
     * @param endpoint the store's URL (MinIO, Ceph, R2...); unset: AWS S3 for the region
     * @param bucket the bucket, created on start when missing
     * @param region the region (any value for most S3-compatible stores)
     * @param accessKey with {@code secretKey}: static credentials; unset: the AWS default chain (environment,
     *        profile, instance or pod role)
     * @param pathStyle address the bucket in the path ({@code endpoint/bucket/key}), as MinIO expects by default
     */
    public record S3(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
            String secretKey, @DefaultValue("false") boolean pathStyle) {

        @AssertTrue(message = "access-key and secret-key go together")
        boolean isCredentialPairComplete() {
            return (accessKey == null || accessKey.isBlank()) == (secretKey == null || secretKey.isBlank());
        }
    }

    @AssertTrue(message = "parley.storage.s3.bucket is required when parley.storage.type=s3")
    boolean isBucketSetForS3() {
        return type != Type.S3 || (s3 != null && s3.bucket() != null && !s3.bucket().isBlank());
    }
}
