package dev.parley.cluster;

import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of this node, under {@code parley.node}.
 *
 * @param roles {@code web}, {@code worker} or both (the default, a single node does everything): background work
 *     that must happen once for the cluster runs only on nodes with {@code worker}
 */
@Validated
@ConfigurationProperties("parley.node")
public record NodeSettings(@DefaultValue({"web", "worker"}) @NotEmpty Set<NodeRole> roles) {

    public NodeSettings {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean worker() {
        return roles.contains(NodeRole.WORKER);
    }
}
