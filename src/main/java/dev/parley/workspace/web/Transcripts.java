package dev.parley.workspace.web;

import dev.parley.conversation.Attachments;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.Reader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The transcript as the conversation page shows it: every message with its attachments, warnings and the delivery
 * state of each reply. Rendering it to an agent counts as the agents having read it.
 */
@Component
class Transcripts {

    private static final int TRANSCRIPT_LIMIT = 1000;

    private final Conversations conversations;
    private final Deliveries deliveries;
    private final Attachments attachments;
    private final dev.parley.workspace.internal.Mentions mentions;

    Transcripts(Conversations conversations, Deliveries deliveries, Attachments attachments,
            dev.parley.workspace.internal.Mentions mentions) {
        this.mentions = mentions;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.attachments = attachments;
    }

    /** One attachment as listed under its message, its size made readable. */
    record FileRow(UUID id, String filename, String contentType, String size) {

        static FileRow of(MessageAttachment a) {
            return new FileRow(a.id(), a.filename(), a.contentType(), readable(a.size()));
        }
    }

    void fill(UUID id, Model model) {
        List<Message> messages = conversations.transcriptToShow(id, 0, TRANSCRIPT_LIMIT);
        if (!messages.isEmpty()) {
            conversations.markRead(id, Reader.AGENT, messages.getLast().seq());
        }
        Map<UUID, List<FileRow>> files = attachments.ofConversation(id).stream().collect(Collectors.groupingBy(
                MessageAttachment::messageId, Collectors.mapping(FileRow::of, Collectors.toList())));
        model.addAttribute("conversationId", id);
        model.addAttribute("messages", messages);
        model.addAttribute("deliveries", deliveries.ofConversation(id));
        model.addAttribute("files", files);
        model.addAttribute("customerReadSeq", conversations.readMarker(id, Reader.CUSTOMER));
        // The handles each note mentions, for the page to mark them (a handle that fits nobody stays plain text).
        model.addAttribute("mentions", messages.stream().filter(Message::internal)
                .collect(Collectors.toMap(Message::id, m -> String.join(" ", mentions.handlesIn(m.text())))));
    }

    static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
