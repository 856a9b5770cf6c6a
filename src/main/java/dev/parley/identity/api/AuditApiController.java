package dev.parley.identity.api;

import dev.parley.identity.AuditEntry;
import dev.parley.identity.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over the REST API, for admins. */
@RestController
@Tag(name = "Audit", description = "Who did what and when (admin)")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Audit entries, newest first; filter by action (e.g. sign-in, sign-in-failed)")
    AuditPage audit(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(required = false) String action) {
        int limit = Math.clamp(size, 1, 200);
        int current = Math.max(0, page);
        return new AuditPage(audit.page(action, current * limit, limit), current, limit, audit.count(action));
    }
}
