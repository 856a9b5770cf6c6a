package dev.parley.workspace.internal;

import dev.parley.conversation.ConversationQueries;
import dev.parley.workspace.InboxSettings;
import dev.parley.workspace.QueueStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Queue positions and wait estimates. The estimate assumes each online agent's slots free up once per recent
 * average handle time (escalation to resolution), so position {@code p} waits about
 * {@code ceil(p / slots) * handleTime}.
 */
@Component
public class QueueEstimates {

    private static final int HANDLE_TIME_SAMPLE = 50;

    private final QueueRepository queue;
    private final AgentCapacity capacity;
    private final ConversationQueries conversations;
    private final InboxSettings settings;

    QueueEstimates(QueueRepository queue, AgentCapacity capacity, ConversationQueries conversations,
            InboxSettings settings) {
        this.queue = queue;
        this.capacity = capacity;
        this.conversations = conversations;
        this.settings = settings;
    }

    public Optional<QueueStatus> status(UUID conversationId) {
        return Optional.ofNullable(all().get(conversationId));
    }

    /** Every waiting conversation with its status, in queue order. */
    public Map<UUID, QueueStatus> all() {
        List<QueueRepository.Entry> entries = queue.ordered();
        Map<UUID, QueueStatus> result = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            return result;
        }
        List<AgentCapacity.Slot> online = capacity.online();
        long slots = Math.max(1, online.stream().mapToLong(AgentCapacity.Slot::capacity).sum());
        long handle = averageHandleSeconds();
        for (int i = 0; i < entries.size(); i++) {
            int position = i + 1;
            long rounds = (position + slots - 1) / slots;
            result.put(entries.get(i).conversationId(), new QueueStatus(position, rounds * handle, online.size()));
        }
        return result;
    }

    long averageHandleSeconds() {
        List<Long> recent = conversations.recentHandleTimes(HANDLE_TIME_SAMPLE);
        if (recent.isEmpty()) {
            return settings.defaultHandleTime().toSeconds();
        }
        return Math.max(1, Math.round(recent.stream().mapToLong(Long::longValue).average().orElse(0)));
    }
}
