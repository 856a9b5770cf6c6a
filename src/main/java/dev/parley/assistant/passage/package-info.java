/**
 * The part of an article that answers a question: the article's Markdown read as sentences and list items, and
 * the few hundred characters of them most similar to the question, written back as a small safe Markdown subset.
 */
package dev.parley.assistant.passage;
