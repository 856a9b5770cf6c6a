package dev.parley.workspace.web;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Words agents read instead of enum codes, for the dashboard's templates ({@code ${@labels.status(s)}}). A code
 * without words of its own (a newly added reason) reads as its name in sentence case, never as a raw code.
 */
@Component("labels")
public class Labels {

    public String status(ConversationStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case OPEN -> "Open";
            case AI_RESOLVED -> "Resolved by the assistant";
            case ESCALATED -> "Waiting for an agent";
            case IN_PROGRESS -> "In progress";
            case WAITING_CUSTOMER -> "Waiting on the customer";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Closed";
        };
    }

    public String reason(EscalationReason reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason.name()) {
            case "NO_KNOWLEDGE" -> "Not in the knowledge base";
            case "LOW_CONFIDENCE" -> "Assistant not sure";
            case "HUMAN_REQUESTED" -> "Asked for a person";
            case "FRUSTRATION" -> "Customer frustrated";
            case "LOOP" -> "Customer asked again";
            case "ASSISTANT_ERROR" -> "Assistant failed";
            case "MANUAL" -> "Escalated by an agent";
            case "ASSISTANT_OFF" -> "Assistant off for this inbox";
            case "NOT_HELPFUL" -> "Answer did not help";
            case "ACTION_FAILED" -> "An action failed";
            case "IDENTITY_REQUIRED" -> "Customer must sign in";
            default -> sentence(reason.name());
        };
    }

    /** The button that moves a conversation from {@code from} to {@code to}. */
    public String move(ConversationStatus from, ConversationStatus to) {
        boolean finished = from == ConversationStatus.RESOLVED || from == ConversationStatus.CLOSED;
        return switch (to) {
            case RESOLVED -> "Resolve";
            case CLOSED -> "Close";
            case IN_PROGRESS -> finished ? "Reopen" : "Mark in progress";
            case WAITING_CUSTOMER -> "Wait for the customer";
            case ESCALATED -> "Escalate to an agent";
            case OPEN -> "Hand back to the assistant";
            case AI_RESOLVED -> "Resolved by the assistant";
        };
    }

    /** Whether the page offers that move: a finished conversation is reopened to a person, never handed to the bot. */
    public boolean offers(ConversationStatus from, ConversationStatus to) {
        boolean finished = from == ConversationStatus.RESOLVED || from == ConversationStatus.CLOSED;
        return !(finished && to == ConversationStatus.OPEN) && to != ConversationStatus.AI_RESOLVED;
    }

    public String agentsOnline(long count) {
        return count == 1 ? "1 agent online" : count + " agents online";
    }

    /** A message as one line of plain text for previews: Markdown marks, link targets and line breaks removed. */
    public String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        return markdown.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("(?m)^\\s{0,3}(#{1,6}\\s+|[-*+]\\s+|>\\s?)", "")
                .replaceAll("(\\*\\*|__|`)", "")
                .replaceAll("\\s+", " ").strip();
    }

    /** "Medium", not MEDIUM. */
    public String priority(dev.parley.conversation.Priority priority) {
        return priority == null ? "" : sentence(priority.name());
    }

    /** What customers used: "Website chat", "Email", "SMS", "WhatsApp", "API"; an unknown channel in sentence case. */
    public String channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return "";
        }
        return switch (channel.toLowerCase(Locale.ROOT)) {
            case "web", "widget" -> "Website chat";
            case "email" -> "Email";
            case "sms" -> "SMS";
            case "whatsapp" -> "WhatsApp";
            case "api" -> "API";
            default -> sentence(channel);
        };
    }

    private static String sentence(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
