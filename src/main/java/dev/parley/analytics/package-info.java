/**
 * Analytics: a per-conversation projection kept up to date from conversation events, and the
 * summary reports built on it (volume, AI resolution, escalations, response times, CSAT, top questions).
 */
package dev.parley.analytics;
