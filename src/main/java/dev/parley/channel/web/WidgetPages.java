package dev.parley.channel.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The widget's branding defaults. */
@Controller
class WidgetPages {

    private final WidgetSettings settings;

    WidgetPages(WidgetSettings settings) {
        this.settings = settings;
    }

    record WidgetConfig(String title, String color, String greeting, String position, List<String> suggestions) {
    }

    @GetMapping("/api/v1/widget/config")
    @ResponseBody
    @Operation(summary = "Branding defaults for the widget")
    WidgetConfig config() {
        return new WidgetConfig(settings.title(), settings.color(), settings.greeting(), settings.position(),
                settings.suggestions());
    }
}
