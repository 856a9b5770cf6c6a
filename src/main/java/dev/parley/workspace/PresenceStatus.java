package dev.parley.workspace;

/** Whether an agent takes new conversations: only {@code ONLINE} agents are assigned work. */
public enum PresenceStatus {
    ONLINE, AWAY, OFFLINE
}
