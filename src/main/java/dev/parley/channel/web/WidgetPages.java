package dev.parley.channel.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The widget's branding defaults and how a chat starts (the "Talk to a person" button, the pre-chat form). */
@Controller
class WidgetPages {

    private final WidgetSettings settings;
    private final WidgetEntrySettings entry;
    private final WidgetPreChat preChat;

    WidgetPages(WidgetSettings settings, WidgetEntrySettings entry, WidgetPreChat preChat) {
        this.settings = settings;
        this.entry = entry;
        this.preChat = preChat;
    }

    record WidgetConfig(String title, String color, String greeting, String position, List<String> suggestions,
            boolean talkToPerson, PreChatForm preChat) {
    }

    /** The form the widget shows before a chat starts; {@code null} when it is off. */
    record PreChatForm(boolean requireEmail, List<Choice> categories) {
    }

    record Choice(String value, String label) {
    }

    @GetMapping("/api/v1/widget/config")
    @ResponseBody
    @Operation(summary = "Branding defaults for the widget, the Talk to a person button and the pre-chat form")
    WidgetConfig config() {
        PreChatForm form = preChat.enabled() ? new PreChatForm(preChat.requireEmail(), preChat.categories().stream()
                .map(c -> new Choice(c, c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1))).toList())
                : null;
        return new WidgetConfig(settings.title(), settings.color(), settings.greeting(), settings.position(),
                settings.suggestions(), entry.talkToPerson(), form);
    }
}
