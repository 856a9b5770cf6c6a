package dev.parley.cluster;

/** What a node does: {@code web} serves requests behind the proxy, {@code worker} runs the cluster's background work. */
public enum NodeRole {
    WEB,
    WORKER
}
