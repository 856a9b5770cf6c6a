/**
 * Cluster-wide jobs: a scheduled job marked {@code @SchedulerLock} runs on one node at a time, through a lock row
 * in the shared database (ShedLock); a job that must run on every node says why with {@link RunsOnEveryNode}.
 */
package dev.parley.cluster;
