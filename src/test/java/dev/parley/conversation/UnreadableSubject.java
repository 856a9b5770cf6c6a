package dev.parley.conversation;

import dev.parley.encryption.TestKeys;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives a conversation a sealed subject whose key id this server does not have, as after a lost key or a damaged
 * restore: reading the conversation fails until it is closed, which puts the real value back (the test database is
 * shared with other test classes).
 */
public final class UnreadableSubject implements AutoCloseable {

    private final JdbcClient jdbc;
    private final UUID conversation;
    private final String sealed;

    private UnreadableSubject(JdbcClient jdbc, UUID conversation, String sealed) {
        this.jdbc = jdbc;
        this.conversation = conversation;
        this.sealed = sealed;
    }

    public static UnreadableSubject of(JdbcClient jdbc, UUID conversation) {
        String sealed = jdbc.sql("SELECT subject FROM conversation WHERE id = :id").param("id", conversation)
                .query(String.class).list().getFirst(); // may be null
        jdbc.sql("UPDATE conversation SET subject = :s WHERE id = :id")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", conversation).update();
        return new UnreadableSubject(jdbc, conversation, sealed);
    }

    @Override
    public void close() {
        jdbc.sql("UPDATE conversation SET subject = :s WHERE id = :id").param("s", sealed).param("id", conversation)
                .update();
    }
}
