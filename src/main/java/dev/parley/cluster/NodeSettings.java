package dev.parley.cluster;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of this node, under {@code parley.node}.
 *
 * @param roles {@code web}, {@code worker} or both (the default, a single node does everything): background work
 *     that must happen once for the cluster runs only on nodes with {@code worker}
 * @param trainFallbackAfter how long a web-only node waits for a worker to store the assistant's scorer for new
 *     knowledge before training it itself (so that it never waits forever when no worker runs)
 */
@Validated
@ConfigurationProperties("parley.node")
public record NodeSettings(@DefaultValue({"web", "worker"}) @NotEmpty Set<NodeRole> roles,
        @DefaultValue("2m") @NotNull Duration trainFallbackAfter) {

    @ConstructorBinding
    public NodeSettings {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public NodeSettings(Set<NodeRole> roles) {
        this(roles, Duration.ofMinutes(2));
    }

    public boolean web() {
        return roles.contains(NodeRole.WEB);
    }

    public boolean worker() {
        return roles.contains(NodeRole.WORKER);
    }
}
