package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 implementation against S3Proxy over HTTP, with path-style addressing and static keys, as for MinIO. */
@Timeout(120)
class S3FileStorageTests implements FileStorageContract {

    /** S3's minimum part size, so the large-file case uploads three parts. */
    private static final int PART_SIZE = 5 * 1024 * 1024;

    @TempDir
    static Path work;

    private static S3ProxyServer server;
    private static S3Client client;

    private S3FileStorage storage;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start(work);
        client = StorageConfiguration.s3Client(settings("unused"));
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBucket() {
        storage = new S3FileStorage(client, "parley-" + UUID.randomUUID().toString().substring(0, 8), PART_SIZE);
        storage.createBucketIfMissing();
    }

    @Override
    public FileStorage storage() {
        return storage;
    }

    @Override
    public int largeFileSize() {
        return PART_SIZE;
    }

    @Test
    void createsItsBucketOnceAndFindsItAgain() {
        storage.put(StorageKey.of("a.txt"), new byte[] {1});

        storage.createBucketIfMissing();

        assertThat(storage.exists(StorageKey.of("a.txt"))).isTrue();
    }

    private static StorageSettings.S3 settings(String bucket) {
        return new StorageSettings.S3(server.endpoint(), bucket, "us-east-1", S3ProxyServer.ACCESS_KEY,
                S3ProxyServer.SECRET_KEY, true);
    }

}
