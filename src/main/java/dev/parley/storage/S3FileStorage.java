package dev.parley.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files as objects in one bucket of an S3-compatible store. Contents of unknown length are streamed in parts
 * (multipart upload, one part in memory at a time); a file smaller than one part is a single PUT. An object
 * appears whole when its upload completes, so readers never see half of one.
 */
class S3FileStorage implements FileStorage, AutoCloseable {

    /** S3's smallest part but the last; larger parts mean fewer requests and more memory per upload. */
    static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(S3FileStorage.class);

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    S3FileStorage(S3Client s3, String bucket, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    /** Creates the bucket when it does not exist yet (first start against an empty MinIO, for example). */
    void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            log.info("Creating bucket {}", bucket);
            s3.createBucket(request -> request.bucket(bucket));
        }
    }

    @Override
    public void put(StorageKey key, InputStream content) {
        try {
            byte[] first = content.readNBytes(partSize);
            if (first.length < partSize) {
                s3.putObject(request -> request.bucket(bucket).key(key.value()), RequestBody.fromBytes(first));
                return;
            }
            putInParts(key, first, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the content for " + key, e);
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
    }

    private void putInParts(StorageKey key, byte[] first, InputStream rest) throws IOException {
        String upload = s3.createMultipartUpload(request -> request.bucket(bucket).key(key.value())).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            while (part.length > 0) {
                int number = parts.size() + 1;
                byte[] body = part;
                String etag = s3.uploadPart(request -> request.bucket(bucket).key(key.value()).uploadId(upload)
                        .partNumber(number), RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                part = rest.readNBytes(partSize);
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key.value()).uploadId(upload)
                    .multipartUpload(done -> done.parts(parts)));
        } catch (IOException | RuntimeException e) {
            abortQuietly(key, upload);
            throw e;
        }
    }

    @Override
    public Optional<InputStream> get(StorageKey key) {
        try {
            return Optional.of(s3.getObject(request -> request.bucket(bucket).key(key.value())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key.value()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("look up", key, e);
        } catch (SdkException e) {
            throw failure("look up", key, e);
        }
    }

    @Override
    public boolean delete(StorageKey key) {
        // S3 deletes are idempotent and do not say whether there was an object
        boolean existed = exists(key);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key.value()));
            return existed;
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public List<StorageKey> list(String prefix) {
        StorageKey.checkPrefix(prefix);
        try {
            return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key)
                    .filter(StorageKey::isKey) // skips objects whose names are not keys, put there by others
                    .sorted()
                    .map(StorageKey::of)
                    .toList();
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("Cannot list " + prefix + " in bucket " + bucket, e));
        }
    }

    private void abortQuietly(StorageKey key, String upload) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key.value()).uploadId(upload));
        } catch (SdkException e) {
            log.warn("Could not abort the upload of {}; the bucket's lifecycle rules will remove it: {}", key,
                    e.toString());
        }
    }

    private UncheckedIOException failure(String action, StorageKey key, SdkException e) {
        return new UncheckedIOException(new IOException("Cannot " + action + " " + key + " in bucket " + bucket, e));
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3 bucket " + bucket;
    }
}
