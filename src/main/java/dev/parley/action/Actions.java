package dev.parley.action;

import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.internal.ActionStore;
import dev.parley.action.internal.ExecutionLog;
import dev.parley.action.internal.JsonPaths;
import dev.parley.action.internal.Templates;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The action module's API: define, export and import actions, run one for a conversation, read the log. */
@Service
public class Actions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What an export holds (and an import takes): definitions, and connections without their secrets. */
    public record Export(int version, List<ActionDefinition> actions, List<ActionConnections.Connection> connections) {
    }

    private final ActionStore store;
    private final ActionRunner runner;
    private final ActionConnections connections;
    private final ExecutionLog executions;
    private final ActionSettings settings;
    private final AuditLog audit;
    private final KnowledgeBase knowledge;
    private final Clock clock;

    Actions(ActionStore store, ActionRunner runner, ActionConnections connections, ExecutionLog executions,
            ActionSettings settings, AuditLog audit, KnowledgeBase knowledge, Clock clock) {
        this.knowledge = knowledge;
        this.store = store;
        this.runner = runner;
        this.connections = connections;
        this.executions = executions;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ActionDefinition> all() {
        return store.all();
    }

    public Optional<ActionDefinition> find(UUID id) {
        return id == null ? Optional.empty() : store.find(id);
    }

    public ActionDefinition get(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Action " + id));
    }

    /** Creates ({@code id} null) or replaces an action, after checking it completely (400 with what is wrong). */
    @Transactional
    public ActionDefinition save(Actor actor, ActionDefinition definition) {
        ActionDefinition valid = validated(definition);
        store.byName(valid.name()).filter(other -> !other.id().equals(valid.id())).ifPresent(other -> {
            throw ApiException.conflict("An action named '" + valid.name() + "' exists already");
        });
        boolean created = definition.id() == null || store.find(definition.id()).isEmpty();
        store.save(valid, clock.instant());
        audit.record(actor, created ? "action.created" : "action.updated", valid.id().toString(), valid.name());
        return valid;
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        if (!store.delete(id)) {
            throw ApiException.notFound("Action " + id);
        }
        audit.record(actor, "action.deleted", id.toString(), null);
    }

    public Export export() {
        return new Export(1, store.all(), connections.all());
    }

    /**
     * Imports definitions by name (an existing action of that name is replaced, keeping its id); all are checked
     * before any is stored. Connections are not created: their secrets are never exported, so each must exist.
     */
    @Transactional
    public List<ActionDefinition> importAll(Actor actor, Export export) {
        if (export == null || export.actions() == null) {
            throw ApiException.badRequest("An import is {\"actions\": [...]} as the export writes it");
        }
        List<ActionDefinition> valid = export.actions().stream().map(d -> {
            UUID id = store.byName(d.name() == null ? "" : d.name().strip()).map(ActionDefinition::id)
                    .orElse(UUID.randomUUID());
            return validated(withId(d, id));
        }).toList();
        valid.forEach(d -> store.save(d, clock.instant()));
        audit.record(actor, "action.imported", null, valid.size() + " action(s)");
        return valid;
    }

    /** Runs an action for a conversation (see {@link ActionResult} for what can come back). */
    public ActionResult run(UUID actionId, ActionContext context) {
        return runner.run(get(actionId), context);
    }

    ActionResult run(ActionDefinition action, ActionContext context) {
        return runner.run(action, context);
    }

    public List<ActionExecution> executionsOf(UUID actionId, int limit) {
        return executions.ofAction(actionId, Math.clamp(limit, 1, 500));
    }

    public List<ActionExecution> executionsInConversation(UUID conversationId, int limit) {
        return executions.ofConversation(conversationId, Math.clamp(limit, 1, 500));
    }

    private ActionDefinition validated(ActionDefinition d) {
        require(d.name() != null && !d.name().isBlank() && d.name().strip().length() <= 100,
                "name is required (at most 100 characters)");
        require(d.description() == null || d.description().length() <= 2000, "description is at most 2000 characters");
        List<Input> inputs = d.inputs() == null ? List.of() : d.inputs();
        Set<String> names = new HashSet<>();
        for (Input input : inputs) {
            require(input.name() != null && NAME.matcher(input.name()).matches(),
                    "input names are letters, digits and _ (not starting with a digit): " + input.name());
            require(names.add(input.name()), "input '" + input.name() + "' is defined twice");
            require(input.type() != null && input.source() != null,
                    "input '" + input.name() + "' needs a type and a source");
            require(input.type() != ActionDefinition.Type.ENUM || input.values() != null && !input.values().isEmpty(),
                    "input '" + input.name() + "' is an ENUM and needs values");
            if (input.pattern() != null && !input.pattern().isBlank()) {
                try {
                    Pattern.compile(input.pattern());
                } catch (PatternSyntaxException e) {
                    throw ApiException.badRequest("input '" + input.name() + "' has an invalid pattern: "
                            + e.getDescription());
                }
            }
        }
        ActionDefinition.Request request = d.request();
        require(request != null && request.method() != null && METHODS.contains(request.method().toUpperCase()),
                "request.method must be one of " + METHODS);
        require(request.url() != null && request.url().matches("(?i)https?://[^\\s{}/]+(/.*)?"),
                "request.url must be an http(s) address whose host is not a placeholder");
        checkPlaceholders("request.url", request.url(), names);
        checkPlaceholders("request.body", request.body(), names);
        if (request.headers() != null) {
            request.headers().forEach((header, value) -> {
                require(header.matches("[A-Za-z0-9-]{1,100}"), "header names are letters, digits and dashes");
                checkPlaceholders("header " + header, value, names);
            });
        }
        try {
            URI.create(Templates.url(request.url(), names.stream().collect(
                    java.util.stream.Collectors.toMap(n -> n, n -> "x"))));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("request.url is not a valid address: " + e.getMessage());
        }
        require(d.connection() == null || d.connection().isBlank() || connections.exists(d.connection()),
                "the connection '" + d.connection() + "' does not exist; create it first");
        List<ResponseField> fields = d.responseFields() == null ? List.of() : d.responseFields();
        Set<String> answerNames = new HashSet<>(names);
        for (ResponseField field : fields) {
            require(field.name() != null && NAME.matcher(field.name()).matches() && answerNames.add(field.name()),
                    "response field names are unique letters, digits and _: " + field.name());
            require(JsonPaths.valid(field.path()), "response field '" + field.name()
                    + "' needs a path like $.order.status or $.items[0].name");
        }
        require(d.answerTemplate() != null && !d.answerTemplate().isBlank(), "answerTemplate is required");
        checkPlaceholders("answerTemplate", d.answerTemplate(), answerNames);
        checkPlaceholders("confirmationQuestion", d.confirmationQuestion(), names);
        require(d.risk() != null, "risk must be READ or WRITE");
        long maxTimeout = settings.maxTimeout().toMillis();
        require(d.timeoutMillis() >= 100 && d.timeoutMillis() <= maxTimeout,
                "timeoutMillis must be between 100 and " + maxTimeout);
        require(d.maxResponseBytes() >= 1 && d.maxResponseBytes() <= settings.maxResponseBytes(),
                "maxResponseBytes must be between 1 and " + settings.maxResponseBytes());
        require(d.ratePerMinute() >= 1, "ratePerMinute must be at least 1");
        require(d.signInMessage() == null || d.signInMessage().length() <= 1000, "signInMessage is at most 1000 characters");
        String article = attachedArticle(d);
        return new ActionDefinition(d.id() == null ? UUID.randomUUID() : d.id(), d.name().strip(), d.description(),
                d.examples() == null ? List.of() : d.examples(), inputs,
                new ActionDefinition.Request(request.method().toUpperCase(), request.url().strip(),
                        request.headers() == null ? java.util.Map.of() : request.headers(), request.body()),
                d.connection() == null || d.connection().isBlank() ? null : d.connection(), fields,
                d.answerTemplate(), d.risk(), d.confirm(), d.confirmationQuestion(), d.requiresIdentity(),
                d.timeoutMillis(), d.maxResponseBytes(), d.ratePerMinute(), d.mockResponse(), article,
                blankToNull(d.signInMessage()));
    }

    /** The article an action is attached to must be published, and runs at most one action. */
    private String attachedArticle(ActionDefinition d) {
        String article = blankToNull(d.article());
        if (article == null) {
            return null;
        }
        require(knowledge.article(article.strip()).isPresent(), "article '" + article + "' is not a published article");
        store.all().stream().filter(other -> article.strip().equals(other.article()) && !other.id().equals(d.id()))
                .findFirst().ifPresent(other -> {
                    throw ApiException.conflict("Article '" + article + "' already runs the action '" + other.name()
                            + "'");
                });
        return article.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The action attached to a help article, if any: the offline assistant runs it instead of quoting the article. */
    public Optional<ActionDefinition> forArticle(String articleId) {
        return articleId == null ? Optional.empty()
                : store.all().stream().filter(d -> articleId.equals(d.article())).findFirst();
    }

    private static void checkPlaceholders(String where, String template, Set<String> known) {
        for (String name : Templates.placeholders(template)) {
            require(known.contains(name), where + " uses {{" + name + "}}, which is not defined");
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw ApiException.badRequest(problem);
        }
    }

    /** The same definition with another id ({@code null}: a new action). */
    public static ActionDefinition withId(ActionDefinition d, UUID id) {
        return new ActionDefinition(id, d.name(), d.description(), d.examples(), d.inputs(), d.request(),
                d.connection(), d.responseFields(), d.answerTemplate(), d.risk(), d.confirm(),
                d.confirmationQuestion(), d.requiresIdentity(), d.timeoutMillis(), d.maxResponseBytes(),
                d.ratePerMinute(), d.mockResponse(), d.article(), d.signInMessage());
    }
}
