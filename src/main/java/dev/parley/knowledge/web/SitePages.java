package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.SiteSyncs;
import dev.parley.shared.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's site sync page: add a site, watch its progress bar (refreshed while syncing), sync again. */
@Controller
@RequestMapping("/knowledge/sites")
class SitePages {

    private final SiteSyncs syncs;

    SitePages(SiteSyncs syncs) {
        this.syncs = syncs;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("sites", syncs.list());
        return "knowledge/sites";
    }

    /** The site table alone, polled by htmx while a sync runs. */
    @GetMapping("/table")
    String table(Model model) {
        model.addAttribute("sites", syncs.list());
        return "knowledge/sites :: table";
    }

    @GetMapping("/pages")
    String pages(@RequestParam String id, Model model) {
        model.addAttribute("site", syncs.find(id));
        model.addAttribute("pages", syncs.pages(id));
        return "knowledge/site-pages";
    }

    @PostMapping
    String add(@RequestParam String url, RedirectAttributes redirect) {
        try {
            syncs.add(url);
            redirect.addFlashAttribute("notice", "Syncing " + url.strip() + " — the progress shows below.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("url", url);
        }
        return "redirect:/knowledge/sites";
    }

    @PostMapping("/sync")
    String sync(@RequestParam String id, RedirectAttributes redirect) {
        return attempt(redirect, "Sync started.", () -> syncs.syncNow(id));
    }

    @PostMapping("/remove")
    String remove(@RequestParam String id, RedirectAttributes redirect) {
        return attempt(redirect, "The site is no longer synced; its articles stay as they are.", () -> syncs.remove(id));
    }

    /** Runs an action and comes back to the page with its notice, or with the reason it was refused. */
    private static String attempt(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/knowledge/sites";
    }
}
