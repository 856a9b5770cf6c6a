/**
 * Cluster-wide jobs: a scheduled job marked {@code @SchedulerLock} runs on one node at a time, through a lock row
 * in the shared database (ShedLock); a job that must run on every node says why with {@link RunsOnEveryNode}.
 * {@link NodeSettings} says which roles this node has ({@code parley.node.roles}: web, worker).
 */
package dev.parley.cluster;
