package dev.parley.analytics.web;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.internal.ConversationExport;
import dev.parley.shared.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** CSV export of conversations with the report's filters, streamed. */
@RestController
@Tag(name = "Analytics")
class ConversationExportApi {

    private static final Set<String> STATUSES = Set.of("OPEN", "AI_RESOLVED", "ESCALATED", "IN_PROGRESS",
            "WAITING_CUSTOMER", "RESOLVED", "CLOSED");

    private final ConversationExport export;

    ConversationExportApi(ConversationExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/analytics/conversations.csv")
    @Operation(summary = "Conversations created in the range as CSV (streamed)")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID team) {
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to must not be before from");
        }
        String normalizedStatus = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (normalizedStatus != null && !STATUSES.contains(normalizedStatus)) {
            throw ApiException.badRequest("status must be one of " + STATUSES);
        }
        AnalyticsFilter filter = new AnalyticsFilter(from, to, channel, team);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"conversations-" + from + "-to-" + to + ".csv\"")
                .body(out -> export.write(filter, normalizedStatus, out));
    }
}
