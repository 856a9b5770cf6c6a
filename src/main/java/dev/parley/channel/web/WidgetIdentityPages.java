package dev.parley.channel.web;

import dev.parley.identity.AgentPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page for verified widget identity: generate or rotate the signing secret (shown once), stop the
 * previous one early, and the server-side signing code in four languages (the test suite runs exactly this code).
 */
@Controller
@RequestMapping("/admin/widget-identity")
class WidgetIdentityPages {

    /** Language label → snippet file under {@code widget-identity/} on the classpath. */
    static final Map<String, String> SNIPPETS = snippets();

    private final WidgetIdentitySecrets secrets;
    private final WidgetSettings settings;

    WidgetIdentityPages(WidgetIdentitySecrets secrets, WidgetSettings settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("secrets", secrets.list());
        model.addAttribute("configured", secrets.configured());
        model.addAttribute("settings", settings);
        Map<String, String> code = new LinkedHashMap<>();
        SNIPPETS.forEach((language, file) -> code.put(language, read(file)));
        model.addAttribute("snippets", code);
        return "channel/widget-identity";
    }

    @PostMapping("/rotate")
    String rotate(@AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        boolean first = !secrets.configured();
        redirect.addFlashAttribute("secret", secrets.rotate(me.actor()));
        redirect.addFlashAttribute("notice", first ? "Signing secret generated."
                : "Secret rotated; the previous one is accepted for " + settings.identitySecretGrace() + ".");
        return "redirect:/admin/widget-identity";
    }

    @PostMapping("/revoke-previous")
    String revokePrevious(@AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
        int revoked = secrets.revokePrevious(me.actor());
        redirect.addFlashAttribute("notice", revoked == 0 ? "No previous secret was still accepted."
                : "The previous secret is no longer accepted.");
        return "redirect:/admin/widget-identity";
    }

    private static Map<String, String> snippets() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Java", "ParleyIdentity.java");
        files.put("Node.js", "sign.js");
        files.put("Python", "sign.py");
        files.put("PHP", "sign.php");
        return files;
    }

    private static String read(String file) {
        try {
            return new ClassPathResource("widget-identity/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The signing snippet " + file + " is missing from the build", e);
        }
    }
}
