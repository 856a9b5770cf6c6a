package dev.parley.workspace.web;

import dev.parley.conversation.Deliveries;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** "Retry" on a reply whose delivery failed: it is pending again and the channel sends it anew. */
@Controller
class DeliveryRetryController {

    private final Deliveries deliveries;
    private final Transcripts transcripts;

    DeliveryRetryController(Deliveries deliveries, Transcripts transcripts) {
        this.deliveries = deliveries;
        this.transcripts = transcripts;
    }

    @PostMapping("/inbox/conversations/{id}/messages/{messageId}/delivery-retries")
    String retry(@PathVariable UUID id, @PathVariable UUID messageId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        deliveries.retry(id, messageId);
        if (htmx != null) {
            transcripts.fill(id, model);
            return "inbox/conversation :: transcript";
        }
        return "redirect:/inbox/conversations/" + id;
    }
}
