/**
 * The public help center: article pages rendered from Markdown, search, categories, feedback and view counts,
 * the sitemap, article suggestions for the widget, and {@link dev.parley.knowledge.ArticleStats}.
 */
package dev.parley.knowledge.help;
