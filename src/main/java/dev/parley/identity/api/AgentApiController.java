package dev.parley.identity.api;

import dev.parley.identity.Agent;
import dev.parley.identity.AgentChanges;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.CreatedAgent;
import dev.parley.identity.NewAgent;
import dev.parley.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents over the REST API, for admins. */
@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Manage agents (admin)")
class AgentApiController {

    private final Agents agents;

    AgentApiController(Agents agents) {
        this.agents = agents;
    }

    record AgentRequest(String name, String email, String role, String password, Integer maxConcurrent,
            List<UUID> teamIds) {
    }

    record AgentPatch(String name, String role, Boolean active, Integer maxConcurrent, List<UUID> teamIds) {
    }

    record CreatedResponse(Agent agent, String generatedPassword) {
    }

    @GetMapping
    @Operation(summary = "List all agents")
    List<Agent> list() {
        return agents.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent")
    Agent get(@PathVariable UUID id) {
        return agents.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an agent; without a password one is generated and returned once")
    CreatedResponse create(@AuthenticationPrincipal AgentPrincipal me, @RequestBody AgentRequest request) {
        Role role = request.role() == null ? Role.AGENT : Role.parse(request.role());
        CreatedAgent created = agents.create(me.actor(), new NewAgent(request.name(), request.email(), role,
                request.password(), request.maxConcurrent(), request.teamIds()));
        return new CreatedResponse(created.agent(), created.generatedPassword());
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Edit, deactivate or reactivate an agent")
    Agent update(@AuthenticationPrincipal AgentPrincipal me, @PathVariable UUID id, @RequestBody AgentPatch patch) {
        return agents.update(me.actor(), id, new AgentChanges(patch.name(),
                patch.role() == null ? null : Role.parse(patch.role()), patch.active(), patch.maxConcurrent(), false,
                patch.teamIds()));
    }
}
