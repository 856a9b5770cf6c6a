package dev.parley.encryption.web;

import dev.parley.encryption.Encryption;
import dev.parley.encryption.EncryptionException;
import dev.parley.encryption.EncryptionKeys;
import dev.parley.encryption.internal.ColumnProgress;
import dev.parley.encryption.internal.ReEncryption;
import dev.parley.shared.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins see which keys exist and how far re-encryption is, and rotate to a fresh key. */
@RestController
@RequestMapping("/api/v1/admin/encryption")
class EncryptionAdminApi {

    private final Encryption encryption;
    private final EncryptionKeys keys;
    private final ReEncryption reEncryption;

    EncryptionAdminApi(Encryption encryption, EncryptionKeys keys, ReEncryption reEncryption) {
        this.encryption = encryption;
        this.keys = keys;
        this.reEncryption = reEncryption;
    }

    @GetMapping
    EncryptionStatus status() {
        return new EncryptionStatus(encryption.activeKeyId(), encryption.keyIds(), keys.source(), keys.canRotate(),
                reEncryption.progress());
    }

    /** Adds a fresh key to the key file, makes it active and starts re-encrypting in the background. */
    @PostMapping("/rotations")
    ResponseEntity<EncryptionStatus> rotate() {
        try {
            keys.rotate();
        } catch (EncryptionException e) {
            throw new ApiException(HttpStatus.CONFLICT, "Cannot rotate here", e.getMessage());
        }
        reEncryption.start();
        return ResponseEntity.accepted().body(status());
    }

    /** Starts a re-encryption pass over every row now (after restoring an old backup, say). */
    @PostMapping("/re-encryptions")
    ResponseEntity<EncryptionStatus> reEncrypt() {
        reEncryption.startFullScan();
        return ResponseEntity.accepted().body(status());
    }

    record EncryptionStatus(String activeKey, List<String> keys, String keySource, boolean canRotate,
            List<ColumnProgress> columns) {
    }
}
