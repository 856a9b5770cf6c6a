/**
 * The training engine: the embedding model's runtime, encoder tuning, article scoring and the evaluation figures.
 * A plain library without Spring or Parley's domain code; the application depends on it (ADR 0033).
 */
package dev.parley.engine;
