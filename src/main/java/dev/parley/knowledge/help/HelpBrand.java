package dev.parley.knowledge.help;

import dev.parley.shared.Colours;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The help center under the company's name and colour ({@code parley.knowledge.help.name}, {@code .home-url},
 * {@code .color}). Templates read it as {@code @helpBrand}; the colour comes as a small style sheet of its own, as
 * the pages' Content-Security-Policy allows no inline style.
 */
@Controller("helpBrand")
class HelpBrand {

    private final String name;
    private final String homeUrl;
    private final String homeHost;
    private final String css;

    HelpBrand(HelpCenterSettings settings) {
        this.name = settings.name().strip();
        this.homeUrl = settings.homeUrl() == null || settings.homeUrl().isBlank() ? null : settings.homeUrl().strip();
        this.homeHost = homeUrl == null ? null : host(homeUrl);
        String color = Colours.hex(settings.color()); // checked by the settings' pattern
        this.css = ":root { --accent: " + color + "; --accent-ink: " + Colours.textOn(color) + "; --link: "
                + Colours.readableOnWhite(color) + "; }\n";
    }

    public String name() {
        return name;
    }

    /** The company's site, or null when none is set. */
    public String homeUrl() {
        return homeUrl;
    }

    /** The site's host name, for the link's text ("example.com"). */
    public String homeHost() {
        return homeHost;
    }

    @GetMapping(value = "/help/brand.css", produces = "text/css")
    ResponseEntity<String> css() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()).body(css);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host != null) {
                return host.replaceFirst("^www\\.", "");
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalStateException("parley.knowledge.help.home-url is not a web address: " + url);
    }
}
