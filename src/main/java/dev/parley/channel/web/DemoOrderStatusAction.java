package dev.parley.channel.web;

import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.Request;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.Actions;
import dev.parley.identity.Actor;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Gives the demo shop its order-status action, attached to the demo article "How do I track my order?", so that
 * "Where is my order #1001?" is answered from the demo's orders API for its signed-in sample customer. Installed once
 * (an admin may then change or remove it; of nodes starting together, one installs it); its address follows the port
 * Parley listens on.
 */
@Component
@ConditionalOnProperty(name = "parley.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoOrderStatusAction {

    static final String NAME = "demo_order_status";
    static final String ARTICLE_TITLE = "How do I track my order?";
    private static final Logger log = LoggerFactory.getLogger(DemoOrderStatusAction.class);

    private final Actions actions;
    private final KnowledgeBase knowledge;

    DemoOrderStatusAction(Actions actions, KnowledgeBase knowledge) {
        this.actions = actions;
        this.knowledge = knowledge;
    }

    @EventListener
    void install(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String url = "http://localhost:" + web.getWebServer().getPort() + "/demo/api/orders/{{order}}?customer={{customer}}";
        Optional<ActionDefinition> existing = actions.all().stream().filter(a -> a.name().equals(NAME)).findFirst();
        if (existing.isPresent()) {
            if (!existing.get().request().url().equals(url)) {
                actions.save(Actor.SYSTEM, Actions.withId(definition(url, existing.get().article()), existing.get().id()));
            }
            return;
        }
        Optional<String> article = knowledge.publishedArticles().stream()
                .filter(a -> a.title().equals(ARTICLE_TITLE)).map(KnowledgeArticle::id).findFirst();
        if (article.isEmpty() || actions.forArticle(article.get()).isPresent()) {
            log.info("The demo order-status action is not installed: no free demo article '{}'", ARTICLE_TITLE);
            return;
        }
        try {
            actions.save(Actor.SYSTEM, definition(url, article.get()));
        } catch (DataIntegrityViolationException | ApiException e) {
            // two nodes started together on a fresh database: the other one installed it first (the name is unique,
            // and an article runs one action, which validation finds once the other's row is committed)
            if (e instanceof ApiException refused && refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            log.info("Another node installed the demo order-status action");
            return;
        }
        log.info("Installed the demo order-status action ({}); sign in on /demo and ask \"Where is my order #1001?\"",
                NAME);
    }

    private static ActionDefinition definition(String url, String article) {
        return new ActionDefinition(null, NAME, "The demo shop's order status, for its signed-in sample customer",
                List.of("Where is my order #1001?", "Has my order shipped?"),
                List.of(new Input("order", ActionDefinition.Type.INTEGER, ActionDefinition.Source.ASK, true,
                                "\\d{3,9}", List.of(), "What is your order number? (It starts with #, like #1001.)",
                                false),
                        new Input("customer", ActionDefinition.Type.STRING, ActionDefinition.Source.IDENTITY_ID, true,
                                null, List.of(), null, false)),
                new Request("GET", url, Map.of(), null), null,
                List.of(new ResponseField("status", "$.status", true, false),
                        new ResponseField("eta", "$.eta", false, false),
                        new ResponseField("carrier", "$.carrier", false, false)),
                "Your order #{{order}} is {{status}} ({{carrier}}); delivery: {{eta}}.", ActionDefinition.Risk.READ,
                false, null, true, 3000, null, null,
                "{\"status\":\"shipped\",\"eta\":\"in 2 business days\",\"carrier\":\"Trailpost Express\"}", article,
                "I can look up orders for signed-in customers only. Please sign in to your Northwind account "
                        + "(on this demo: \"Sign in as the sample customer\" at the top of the page) and ask me again.");
    }
}
