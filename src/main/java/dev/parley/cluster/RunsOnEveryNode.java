package dev.parley.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that must run on every node, not once across the cluster, because what it
 * tends lives in the node itself (its memory, its open connections, its copy of a file). Every other scheduled
 * method takes a {@code @SchedulerLock}; ArchitectureTests enforces one or the other.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunsOnEveryNode {

    /** Why this job cannot run on one node for all: what per-node state it looks after. */
    String value();
}
