package dev.parley.channel.web;

import dev.parley.identity.Actor;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo shop (a fictional store with the widget on it): visitors may "sign in" as its sample customer, whose
 * identity the page signs like a real shop's server would ({@link DemoOrdersApi} holds their orders). Off with
 * {@code parley.demo.enabled=false}.
 */
@Controller
@ConditionalOnProperty(name = "parley.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoShop {

    /** The sample customer as the shop knows them. */
    static final String CUSTOMER_ID = "northwind-sample";
    static final String CUSTOMER_EMAIL = "sam@northwind.example";
    static final String CUSTOMER_NAME = "Sam Sample";

    private final WidgetIdentitySecrets secrets;
    private final Clock clock;

    DemoShop(WidgetIdentitySecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    @GetMapping("/demo")
    String demo(@RequestParam(name = "signed-in", defaultValue = "false") boolean signedIn, Model model) {
        model.addAttribute("suggestions", String.join("|", signedIn
                ? List.of("Where is my order #1001?", "How do I return an item?", "Do you ship internationally?")
                : List.of("Where is my order?", "How do I return an item?", "Do you ship internationally?")));
        model.addAttribute("signedIn", signedIn);
        if (signedIn) {
            long timestamp = clock.instant().getEpochSecond();
            model.addAttribute("customerId", CUSTOMER_ID);
            model.addAttribute("customerEmail", CUSTOMER_EMAIL);
            model.addAttribute("customerName", CUSTOMER_NAME);
            model.addAttribute("timestamp", timestamp);
            model.addAttribute("signature", WidgetIdentity.sign(secret(),
                    CUSTOMER_ID + "\n" + CUSTOMER_EMAIL + "\n" + timestamp));
        }
        return "demo";
    }

    /** The site's current signing secret; the demo creates the first one when there is none yet. */
    private String secret() {
        return secrets.current().orElseGet(() -> secrets.rotate(Actor.SYSTEM));
    }
}
