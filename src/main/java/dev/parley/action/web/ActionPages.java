package dev.parley.action.web;

import dev.parley.action.ActionConnections;
import dev.parley.action.ActionDefinition;
import dev.parley.action.Actions;
import dev.parley.identity.AgentPrincipal;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' actions page: every action with its JSON (edited in place, checked on save), connections (the secret
 * is typed once and never shown), import of an export, and each action's execution log.
 */
@Controller
@RequestMapping("/admin/actions")
class ActionPages {

    private final Actions actions;
    private final ActionConnections connections;
    private final JsonMapper json;
    private final KnowledgeBase knowledge;

    ActionPages(Actions actions, ActionConnections connections, JsonMapper json, KnowledgeBase knowledge) {
        this.knowledge = knowledge;
        this.actions = actions;
        this.connections = connections;
        this.json = json;
    }

    /** {@code article} is the title of the help article the action runs for, or {@code null}. */
    record Row(ActionDefinition action, String json, String article) {
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("rows", actions.all().stream()
                .map(a -> new Row(a, json.writerWithDefaultPrettyPrinter().writeValueAsString(a),
                        a.article() == null ? null : knowledge.article(a.article()).map(KnowledgeArticle::title)
                                .orElse(a.article() + " (not published)"))).toList());
        model.addAttribute("connections", connections.all());
        model.addAttribute("kinds", ActionConnections.Kind.values());
        return "action/actions";
    }

    @GetMapping("/{id}")
    String executions(@PathVariable UUID id, Model model) {
        model.addAttribute("action", actions.get(id));
        model.addAttribute("executions", actions.executionsOf(id, 200));
        return "action/executions";
    }

    /** Creates (no id) or replaces an action from its JSON. */
    @PostMapping
    String save(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) UUID id,
            @RequestParam String definition, RedirectAttributes redirect) {
        try {
            ActionDefinition parsed = json.readValue(definition, ActionDefinition.class);
            if (id != null) {
                actions.get(id);
            }
            ActionDefinition saved = actions.save(me.actor(), Actions.withId(parsed, id));
            redirect.addFlashAttribute("notice", "Saved " + saved.name() + ".");
        } catch (JacksonException e) {
            redirect.addFlashAttribute("formError", "That is not an action's JSON: " + e.getOriginalMessage());
            redirect.addFlashAttribute("typed", definition);
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
            redirect.addFlashAttribute("typed", definition);
        }
        return "redirect:/admin/actions";
    }

    @PostMapping("/import")
    String importAll(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String export,
            RedirectAttributes redirect) {
        try {
            int count = actions.importAll(me.actor(), json.readValue(export, Actions.Export.class)).size();
            redirect.addFlashAttribute("notice", "Imported " + count + " action(s).");
        } catch (JacksonException e) {
            redirect.addFlashAttribute("formError", "That is not an export: " + e.getOriginalMessage());
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/admin/actions";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        actions.delete(me.actor(), id);
        redirect.addFlashAttribute("notice", "Removed.");
        return "redirect:/admin/actions";
    }

    @PostMapping("/connections")
    String createConnection(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String name,
            @RequestParam ActionConnections.Kind kind, @RequestParam(required = false) String headerName,
            @RequestParam(required = false) String username, @RequestParam String secret,
            RedirectAttributes redirect) {
        try {
            connections.create(me.actor(), name, kind, headerName, username, secret);
            redirect.addFlashAttribute("notice", "Connection " + name.strip() + " stored; its secret is not shown again.");
        } catch (ApiException e) {
            redirect.addFlashAttribute("formError", e.getMessage());
        }
        return "redirect:/admin/actions";
    }

    @PostMapping("/connections/{id}/delete")
    String deleteConnection(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            RedirectAttributes redirect) {
        connections.delete(me.actor(), id);
        redirect.addFlashAttribute("notice", "Connection removed.");
        return "redirect:/admin/actions";
    }
}
