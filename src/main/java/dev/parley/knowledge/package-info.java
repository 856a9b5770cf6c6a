/**
 * The knowledge base: articles with example questions, importers, and the hybrid (BM25 + vector) search index.
 * Serves the assistant, the help center and the knowledge-base management pages.
 */
package dev.parley.knowledge;
