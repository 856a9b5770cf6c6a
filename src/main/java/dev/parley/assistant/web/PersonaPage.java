package dev.parley.assistant.web;

import dev.parley.assistant.llm.InvalidPersona;
import dev.parley.assistant.llm.LlmProviders;
import dev.parley.assistant.llm.Personas;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.AuditLog;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page for who the assistant speaks for: edit the persona, return to configuration, and read the
 * system prompt it produces. {@code /admin/**} is ADMIN only; every change is audited.
 */
@Controller
@RequestMapping("/admin/assistant")
class PersonaPage {

    private final Personas personas;
    private final AuditLog audit;
    private final LlmProviders providers;

    PersonaPage(Personas personas, AuditLog audit, LlmProviders providers) {
        this.personas = personas;
        this.audit = audit;
        this.providers = providers;
    }

    @GetMapping
    ModelAndView show() {
        return page(PersonaForm.of(personas.current().persona()), Map.of(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView save(@AuthenticationPrincipal AgentPrincipal me, @ModelAttribute PersonaForm form,
            RedirectAttributes redirect) {
        try {
            var saved = personas.save(form.toPersona(), me.email());
            audit.record(me.actor(), "assistant.persona.updated", saved.persona().companyName(),
                    "tone=" + saved.persona().tone() + "; guidelines=" + saved.persona().guidelines().size()
                            + "; forbiddenTopics=" + saved.persona().forbiddenTopics().size());
        } catch (InvalidPersona e) {
            return page(form, e.errors(), HttpStatus.BAD_REQUEST);
        }
        // Honest about who reads it: only a model does; the offline assistant's sentences do not change.
        redirect.addFlashAttribute("notice", providers.active().isPresent()
                ? "Persona saved; the model's next answers and reply drafts use it"
                : "Persona saved; it takes effect once an LLM provider is configured (the offline assistant does not use it)");
        return new ModelAndView("redirect:/admin/assistant");
    }

    @PostMapping("/reset")
    String reset(@AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        var effective = personas.reset();
        audit.record(me.actor(), "assistant.persona.reset", effective.persona().companyName(), null);
        redirect.addFlashAttribute("notice", "Persona reset to configuration");
        return "redirect:/admin/assistant";
    }

    private ModelAndView page(PersonaForm form, Map<String, String> errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("assistant/persona");
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("effective", personas.current());
        view.addObject("configured", personas.configured());
        view.addObject("systemPrompt", personas.groundedSystemPrompt());
        view.addObject("model", providers.active().map(p -> p.id() + " / " + p.model()).orElse(null));
        view.setStatus(status);
        return view;
    }
}
