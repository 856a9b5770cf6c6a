package dev.parley.channel.web;

import dev.parley.channel.web.WidgetRequests.StartConversation;
import dev.parley.conversation.ConversationSettings;
import dev.parley.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The pre-chat form: what the widget asks and what a start must then carry. A misconfigured category list fails
 * the start of the application with the reason, not a customer's chat.
 */
@Component
class WidgetPreChat {

    private final WidgetEntrySettings settings;
    private final List<String> categories;

    WidgetPreChat(WidgetEntrySettings settings, ConversationSettings conversations) {
        this.settings = settings;
        List<String> configured = settings.preChat().categories().stream()
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = configured.stream().filter(c -> !conversations.categories().contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("parley.widget.pre-chat.categories " + unknown
                    + " are not in parley.conversation.categories " + conversations.categories());
        }
        this.categories = configured.isEmpty() ? List.copyOf(conversations.categories()) : configured;
    }

    boolean enabled() {
        return settings.preChat().enabled();
    }

    boolean requireEmail() {
        return settings.preChat().requireEmail();
    }

    List<String> categories() {
        return categories;
    }

    /** A start without the form's answers is refused with every missing answer named, unless the site verified them. */
    void check(StartConversation request, boolean verified) {
        if (!enabled() || verified) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            problems.add("Please enter your name.");
        }
        if (requireEmail() && (request.email() == null || request.email().isBlank())) {
            problems.add("Please enter your email address.");
        }
        String category = request.category() == null ? "" : request.category().strip().toLowerCase(Locale.ROOT);
        if (!category.isEmpty() && !categories.contains(category)) {
            problems.add("Please choose a topic from the list.");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join(" ", problems));
        }
    }
}
