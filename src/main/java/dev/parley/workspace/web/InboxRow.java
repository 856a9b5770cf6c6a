package dev.parley.workspace.web;

import dev.parley.conversation.ConversationSummary;
import java.time.Duration;
import java.time.Instant;

/** One line of the inbox list, with what the template shows already worked out. */
record InboxRow(ConversationSummary summary, String assigneeName, String inboxName, String waiting,
        String confidence) {

    static InboxRow of(ConversationSummary s, String assigneeName, String inboxName, Instant now) {
        var c = s.conversation();
        Instant since = c.lastCustomerMessageAt() != null ? c.lastCustomerMessageAt() : c.createdAt();
        String confidence = s.assistantConfidence() == null ? null
                : Math.round(s.assistantConfidence() * 100) + "%";
        return new InboxRow(s, assigneeName, inboxName, ago(Duration.between(since, now)), confidence);
    }

    static String ago(Duration d) {
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "m";
        }
        if (d.toDays() < 1) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toDays() + "d " + d.toHoursPart() + "h";
    }
}
