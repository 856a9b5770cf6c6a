package dev.parley.action.web;

import dev.parley.action.ActionConnections;
import dev.parley.action.ActionConnections.Connection;
import dev.parley.action.ActionContext;
import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionExecution;
import dev.parley.action.ActionResult;
import dev.parley.action.Actions;
import dev.parley.conversation.VerifiedCustomer;
import dev.parley.identity.AgentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for actions: definitions, JSON export/import, connections (secrets write-only), test runs, the log. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Actions")
class ActionAdminApi {

    private final Actions actions;
    private final ActionConnections connections;

    ActionAdminApi(Actions actions, ActionConnections connections) {
        this.actions = actions;
        this.connections = connections;
    }

    record NewConnection(String name, ActionConnections.Kind kind, String headerName, String username, String secret) {
    }

    /** A test run: the inputs to use, whether to answer from the mock response, and an identity to act for. */
    record TestRun(Map<String, String> inputs, Boolean mock, Boolean confirmed, String customerId,
            String customerEmail) {
    }

    @GetMapping("/actions")
    @Operation(summary = "Every action definition")
    List<ActionDefinition> all() {
        return actions.all();
    }

    @PostMapping("/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an action (checked completely; 400 says what is wrong)")
    ActionDefinition create(@AuthenticationPrincipal AgentPrincipal me, @RequestBody ActionDefinition definition) {
        return actions.save(me.actor(), Actions.withId(definition, null));
    }

    @GetMapping("/actions/{id}")
    ActionDefinition get(@PathVariable UUID id) {
        return actions.get(id);
    }

    @PutMapping("/actions/{id}")
    @Operation(summary = "Replace an action's definition")
    ActionDefinition update(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id,
            @RequestBody ActionDefinition definition) {
        actions.get(id);
        return actions.save(me.actor(), Actions.withId(definition, id));
    }

    @DeleteMapping("/actions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id) {
        actions.delete(me.actor(), id);
    }

    @GetMapping("/actions/export")
    @Operation(summary = "All actions and connections (without secrets) as JSON, for version control")
    Actions.Export export() {
        return actions.export();
    }

    @PostMapping("/actions/import")
    @Operation(summary = "Create or replace actions by name from an export; connections must exist")
    List<ActionDefinition> importAll(@AuthenticationPrincipal AgentPrincipal me, @RequestBody Actions.Export export) {
        return actions.importAll(me.actor(), export);
    }

    @PostMapping("/actions/{id}/test")
    @Operation(summary = "Run an action once outside a conversation (logged; mock: answer from the mock response)")
    ActionResult test(@PathVariable UUID id, @RequestBody TestRun run) {
        VerifiedCustomer customer = run.customerId() == null || run.customerId().isBlank() ? null
                : new VerifiedCustomer(run.customerId(), run.customerEmail() == null ? "test@example.invalid"
                        : run.customerEmail(), Instant.now());
        return actions.run(id, new ActionContext(null, customer, run.inputs(), Boolean.TRUE.equals(run.confirmed()),
                Boolean.TRUE.equals(run.mock())));
    }

    @GetMapping("/actions/{id}/executions")
    @Operation(summary = "The action's execution log, newest first (values of redacted fields masked)")
    List<ActionExecution> executions(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
        actions.get(id);
        return actions.executionsOf(id, limit);
    }

    @GetMapping("/conversations/{conversationId}/action-executions")
    @Operation(summary = "The actions run in one conversation, newest first")
    List<ActionExecution> inConversation(@PathVariable UUID conversationId,
            @RequestParam(defaultValue = "100") int limit) {
        return actions.executionsInConversation(conversationId, limit);
    }

    @GetMapping("/action-connections")
    @Operation(summary = "Connections, never with their secrets")
    List<Connection> connections() {
        return connections.all();
    }

    @PostMapping("/action-connections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Store credentials for actions (sealed; the secret is never returned)")
    Connection createConnection(@AuthenticationPrincipal AgentPrincipal me, @RequestBody NewConnection body) {
        return connections.create(me.actor(), body.name(), body.kind(), body.headerName(), body.username(),
                body.secret());
    }

    @DeleteMapping("/action-connections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteConnection(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id) {
        connections.delete(me.actor(), id);
    }
}
