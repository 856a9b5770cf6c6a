package dev.parley.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PublicationSerializerTests {

    private static final AtomicInteger WRITES = new AtomicInteger();

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final PublicationSerializer serializer = new PublicationSerializer(mapper);

    /** An event whose every JSON write is counted (Jackson reads the component through its accessor). */
    record Replied(UUID conversationId, String text, Instant at, List<String> sources) {
        @Override
        public String text() {
            WRITES.incrementAndGet();
            return text;
        }
    }

    private static Replied replied(String text) {
        return new Replied(UUID.randomUUID(), text, Instant.parse("2026-12-07T02:00:00Z"), List.of("returns"));
    }

    @Test
    void anEventIsWrittenAsTheApplicationsMapperWritesItAndReadsBackEqual() {
        Replied event = replied("Your refund is on its way");

        Object json = serializer.serialize(event);

        assertThat(json).isEqualTo(mapper.writeValueAsString(event));
        assertThat(serializer.deserialize(json, Replied.class)).isEqualTo(event);
    }

    @Test
    void anEventRecordedForSeveralListenersInARowIsWrittenOnce() {
        Replied event = replied("Thanks for waiting");
        int before = WRITES.get();

        Object first = serializer.serialize(event);
        Object second = serializer.serialize(event);
        Object third = serializer.serialize(event);

        assertThat(WRITES.get() - before).isOne();
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void anEqualButDifferentEventIsWrittenAgain() {
        Replied one = replied("Hello");
        Replied same = new Replied(one.conversationId(), "Hello", one.at(), one.sources());
        int before = WRITES.get();

        serializer.serialize(one);
        serializer.serialize(same);
        serializer.serialize(one);

        assertThat(WRITES.get() - before).isEqualTo(3);
    }

    @Test
    void eachThreadRemembersOnlyItsOwnLastEvent() throws Exception {
        Replied event = replied("Hello from two threads");
        int before = WRITES.get();

        serializer.serialize(event);
        Thread other = Thread.ofPlatform().start(() -> serializer.serialize(event));
        other.join();
        serializer.serialize(event);

        assertThat(WRITES.get() - before).isEqualTo(2);
    }

    @Test
    void aLargeEventIsNotKeptBetweenCalls() {
        Replied large = replied("x".repeat(PublicationSerializer.MAX_REMEMBERED_CHARS));
        int before = WRITES.get();

        Object first = serializer.serialize(large);
        Object second = serializer.serialize(large);

        assertThat(WRITES.get() - before).isEqualTo(2);
        assertThat(second).isEqualTo(first);
    }
}
