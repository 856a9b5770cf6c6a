/**
 * How module listeners run: on a bounded executor off the request thread, and retried when they failed or got lost
 * (a job resubmits failed and stale event publications, once across the cluster).
 */
package dev.parley.events;
