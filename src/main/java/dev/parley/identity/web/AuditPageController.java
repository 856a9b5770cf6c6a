package dev.parley.identity.web;

import dev.parley.identity.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, for admins. */
@Controller
class AuditPageController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String action,
            Model model) {
        int current = Math.max(0, page);
        long total = audit.count(action);
        model.addAttribute("entries", audit.page(action, current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("action", action);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        return "identity/audit";
    }
}
