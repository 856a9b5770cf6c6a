package dev.parley.workspace.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.parley.conversation.ConversationQueries;
import dev.parley.workspace.InboxSettings;
import dev.parley.workspace.QueueStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Queue positions and wait estimates. The estimate assumes each online agent's slots free up once per recent
 * average handle time (escalation to resolution), so position {@code p} waits about
 * {@code ceil(p / slots) * handleTime}. The average moves slowly, so it is read at most once per
 * {@link #HANDLE_TIME_TTL}; one conversation's position is counted, not found by reading the whole queue.
 */
@Component
public class QueueEstimates {

    private static final int HANDLE_TIME_SAMPLE = 50;
    static final Duration HANDLE_TIME_TTL = Duration.ofSeconds(30);

    private final QueueRepository queue;
    private final AgentCapacity capacity;
    private final ConversationQueries conversations;
    private final InboxSettings settings;
    private final LoadingCache<Boolean, Long> handleSeconds;

    QueueEstimates(QueueRepository queue, AgentCapacity capacity, ConversationQueries conversations,
            InboxSettings settings) {
        this.queue = queue;
        this.capacity = capacity;
        this.conversations = conversations;
        this.settings = settings;
        this.handleSeconds = Caffeine.newBuilder().expireAfterWrite(HANDLE_TIME_TTL).build(key -> readHandleSeconds());
    }

    public Optional<QueueStatus> status(UUID conversationId) {
        return queue.position(conversationId).map(position -> {
            List<AgentCapacity.Slot> online = capacity.online();
            return estimate(position, slots(online), averageHandleSeconds(), online.size());
        });
    }

    /** Every waiting conversation with its status, in queue order. */
    public Map<UUID, QueueStatus> all() {
        List<QueueRepository.Entry> entries = queue.ordered();
        Map<UUID, QueueStatus> result = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return result;
        }
        List<AgentCapacity.Slot> online = capacity.online();
        long slots = slots(online);
        long handle = averageHandleSeconds();
        for (int i = 0; i < entries.size(); i++) {
            result.put(entries.get(i).conversationId(), estimate(i + 1, slots, handle, online.size()));
        }
        return result;
    }

    private static long slots(List<AgentCapacity.Slot> online) {
        return Math.max(1, online.stream().mapToLong(AgentCapacity.Slot::capacity).sum());
    }

    private static QueueStatus estimate(long position, long slots, long handleSeconds, int agentsOnline) {
        long rounds = (position + slots - 1) / slots;
        return new QueueStatus((int) position, rounds * handleSeconds, agentsOnline);
    }

    long averageHandleSeconds() {
        return handleSeconds.get(Boolean.TRUE);
    }

    private long readHandleSeconds() {
        List<Long> recent = conversations.recentHandleTimes(HANDLE_TIME_SAMPLE);
        if (recent.isEmpty()) {
            return settings.defaultHandleTime().toSeconds();
        }
        return Math.max(1, Math.round(recent.stream().mapToLong(Long::longValue).average().orElse(0)));
    }
}
