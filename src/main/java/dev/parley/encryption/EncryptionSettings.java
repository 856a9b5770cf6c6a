package dev.parley.encryption;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of encryption at rest, under {@code parley.encryption}.
 *
 * @param keys keys as {@code id:base64,id:base64} (an environment variable or secret store); when set, no key
 *        file is read
 * @param keyFile a file with one {@code id:base64} key per line; when unset, {@code <data-dir>/keys/encryption.keys},
 *        created with a fresh key on first start (only there: a configured file that is missing stops the start)
 * @param activeKey the id of the key new values are sealed with; when unset, the last key listed
 * @param reEncryptionBatch rows re-encrypted per transaction after the active key changed
 */
@Validated
@ConfigurationProperties("parley.encryption")
public record EncryptionSettings(
        String keys,
        Path keyFile,
        String activeKey,
        @DefaultValue("200") @Min(1) @Max(10_000) int reEncryptionBatch) {
}
