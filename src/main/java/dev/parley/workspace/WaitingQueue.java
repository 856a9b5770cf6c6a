package dev.parley.workspace;

import dev.parley.workspace.internal.QueueEstimates;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The queue of escalated conversations waiting for an agent with free capacity, as the widget sees it. */
@Service
public class WaitingQueue {

    private final QueueEstimates estimates;

    private final dev.parley.workspace.internal.QueueRepository queue;

    WaitingQueue(QueueEstimates estimates, dev.parley.workspace.internal.QueueRepository queue) {
        this.estimates = estimates;
        this.queue = queue;
    }

    /** How many conversations wait for an agent. */
    public int length() {
        return queue.length();
    }

    /** The conversation's place in the queue; empty when it is not waiting (assigned, or never escalated). */
    public Optional<QueueStatus> status(UUID conversationId) {
        return estimates.status(conversationId);
    }
}
