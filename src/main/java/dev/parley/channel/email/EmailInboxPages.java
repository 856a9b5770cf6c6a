package dev.parley.channel.email;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inboxes;
import dev.parley.mail.MailUrl;
import dev.parley.shared.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of email inboxes: those from properties (read-only here) and those added on this page, whose
 * passwords are entered in their own fields, stored encrypted with the server URLs and never shown again.
 */
@Controller
@RequestMapping("/admin/email-inboxes")
class EmailInboxPages {

    private final Mailboxes mailboxes;
    private final Inboxes inboxes;
    private final EmailPolling polling;

    EmailInboxPages(Mailboxes mailboxes, Inboxes inboxes, EmailPolling polling) {
        this.mailboxes = mailboxes;
        this.inboxes = inboxes;
        this.polling = polling;
    }

    record Row(UUID id, String name, String address, String imap, String smtp, boolean fromProperties,
            boolean enabled, AssistantMode assistantMode, String lastPoll, String problem) {
    }

    @GetMapping
    String page(Model model) {
        List<Mailbox> active = mailboxes.active();
        List<Row> rows = mailboxes.states().stream().flatMap(state -> inboxes.find(state.inboxId()).stream().map(inbox -> {
            var mailbox = active.stream().filter(m -> m.inbox().id().equals(inbox.id())).findFirst();
            return new Row(inbox.id(), inbox.name(), inbox.address(),
                    mailbox.map(m -> m.imap().redacted()).orElse("–"), mailbox.map(m -> m.smtp().redacted()).orElse("–"),
                    "PROPERTIES".equals(state.managedBy()), inbox.enabled(), inbox.assistantMode(),
                    state.lastPollAt() == null ? "never" : state.lastPollAt().toString().substring(0, 19).replace('T', ' ')
                            + " UTC", state.failing() ? state.lastError() : null);
        })).toList();
        model.addAttribute("rows", rows);
        return "channel/email-inboxes";
    }

    @PostMapping
    String add(@RequestParam String name, @RequestParam String address, @RequestParam String imapUrl,
            @RequestParam(defaultValue = "") String imapPassword, @RequestParam String smtpUrl,
            @RequestParam(defaultValue = "") String smtpPassword, @RequestParam(defaultValue = "30") long pollSeconds,
            @RequestParam(defaultValue = "ANSWER") AssistantMode assistantMode, RedirectAttributes redirect) {
        try {
            mailboxes.create(name, address, withPassword(imapUrl, imapPassword), withPassword(smtpUrl, smtpPassword),
                    Duration.ofSeconds(pollSeconds), assistantMode);
            redirect.addFlashAttribute("notice", "Added " + address.strip() + "; new mail is read from now on.");
        } catch (ApiException | IllegalArgumentException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("address", address);
        }
        return "redirect:/admin/email-inboxes";
    }

    @PostMapping("/poll")
    String poll(@RequestParam UUID id, RedirectAttributes redirect) {
        polling.pollNow(id);
        redirect.addFlashAttribute("notice", "Checked for new mail.");
        return "redirect:/admin/email-inboxes";
    }

    /** A password from its own field goes into the URL, URL-encoded, so any character works. */
    static String withPassword(String url, String password) {
        if (url == null || url.isBlank() || password == null || password.isEmpty()) {
            return url;
        }
        MailUrl parsed = MailUrl.parse(url.strip());
        if (parsed.user() == null) {
            throw ApiException.badRequest("Put the user name in the URL (" + parsed.scheme() + "://user@host) to use a password");
        }
        String folder = parsed.isImap() ? "/" + encode(parsed.folder()) : "";
        return parsed.scheme() + "://" + encode(parsed.user()) + ":" + encode(password) + "@" + parsed.host() + ":"
                + parsed.port() + folder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
