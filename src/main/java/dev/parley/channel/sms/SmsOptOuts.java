package dev.parley.channel.sms;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The numbers that sent STOP to an inbox (issue 17: a customer's phone number is not stored readable). A number is
 * found by its lookup hash under any key, in {@code phone_number}; the number itself is kept sealed in
 * {@code phone_sealed} so key rotation can seal it and hash it again. Rows written before match by their plain
 * number until the background re-encryption has done that.
 */
@Repository
class SmsOptOuts {

    static final String PURPOSE = "channel.sms.opt-out.phone";

    private final JdbcClient jdbc;
    private final Encryption encryption;
    private final Clock clock;

    SmsOptOuts(JdbcClient jdbc, Encryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    @Bean
    static EncryptedColumn smsOptOutPhoneColumn() {
        return EncryptedColumn.of("sms_opt_out", "id", "phone_sealed", PURPOSE)
                .withLookupHash("phone_number", String::strip);
    }

    boolean optedOut(UUID inboxId, String phoneNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE inbox_id = :id AND phone_number IN (:phones)")
                .param("id", inboxId).param("phones", keys(phoneNumber)).query(Integer.class).single() > 0;
    }

    void optOut(UUID inboxId, String phoneNumber) {
        if (optedOut(inboxId, phoneNumber)) {
            return;
        }
        String number = phoneNumber.strip();
        try {
            jdbc.sql("""
                    INSERT INTO sms_opt_out (inbox_id, phone_number, phone_sealed, opted_out_at)
                    VALUES (:id, :hash, :sealed, :at)""")
                    .param("id", inboxId).param("hash", encryption.lookupHash(number, PURPOSE))
                    .param("sealed", encryption.encrypt(number, PURPOSE))
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException raced) {
            // Twilio sent the same STOP twice at once.
        }
    }

    void optIn(UUID inboxId, String phoneNumber) {
        jdbc.sql("DELETE FROM sms_opt_out WHERE inbox_id = :id AND phone_number IN (:phones)")
                .param("id", inboxId).param("phones", keys(phoneNumber)).update();
    }

    /** The number's hash under every key, and the number itself for rows from before it was hashed. */
    private List<String> keys(String phoneNumber) {
        String number = phoneNumber.strip();
        return Stream.concat(encryption.lookupHashes(number, PURPOSE).stream(),
                Stream.of(number)).toList();
    }
}
