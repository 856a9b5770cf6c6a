package dev.parley.analytics.web;

import dev.parley.analytics.AnalyticsReports;
import dev.parley.learning.AnswerFlagCounts;
import dev.parley.analytics.AnalyticsSummary;
import dev.parley.shared.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The analytics page for supervisors and admins: figures rendered here, charts drawn by analytics.js from
 * a JSON block. A range that cannot be read is shown as a form error (400), never reaches the reports.
 */
@Controller
class AnalyticsPage {

    private final AnalyticsReports reports;
    private final AnswerFlagCounts flags;
    private final Clock clock;

    AnalyticsPage(AnalyticsReports reports, AnswerFlagCounts flags, Clock clock) {
        this.reports = reports;
        this.flags = flags;
        this.clock = clock;
    }

    @GetMapping("/analytics")
    String page(@RequestParam(required = false) String range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String channel,
            Model model, HttpServletResponse response) {
        ReportRange form = ReportRange.parse(range, from, to, channel, LocalDate.now(clock));
        AnalyticsSummary summary = null;
        if (form.valid()) {
            try {
                summary = reports.summary(form.filter());
            } catch (ApiException e) {
                form = form.withError("to", capitalised(e.getMessage()));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("presets", ReportRange.PRESETS);
        TreeSet<String> channels = new TreeSet<>();
        channels.add("web");
        if (!form.channel().isEmpty()) {
            channels.add(form.channel());
        }
        if (summary == null) {
            response.setStatus(400);
            model.addAttribute("channels", channels);
            return "analytics/analytics";
        }
        channels.addAll(summary.byChannel().keySet());
        model.addAttribute("channels", channels);
        model.addAttribute("summary", summary);
        model.addAttribute("figures", ReportFigures.of(summary));
        model.addAttribute("sla", SlaFigures.of(summary.slaCompliance()));
        model.addAttribute("chartJson", ChartData.of(summary).toScriptJson());
        model.addAttribute("csvUrl", csvUrl(form));
        model.addAttribute("answerFlags", flags.between(form.filter().from(), form.filter().to()));
        model.addAttribute("actionFigures", reports.actions(form.filter()));
        return "analytics/analytics";
    }

    private static String csvUrl(ReportRange form) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/api/v1/analytics/conversations.csv")
                .queryParam("from", form.fromDate()).queryParam("to", form.toDate());
        if (!form.channel().isEmpty()) {
            url.queryParam("channel", "{channel}");
        }
        return url.encode().buildAndExpand(form.channel()).toUriString();
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
