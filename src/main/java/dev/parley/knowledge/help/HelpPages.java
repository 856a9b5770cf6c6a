package dev.parley.knowledge.help;

import java.util.List;

/** What the help-center templates show; values only. */
final class HelpPages {

    private HelpPages() {
    }

    /** A link to an article (or category) with an optional line of text under it. */
    record Link(String title, String path, String text) {
    }

    record Category(String name, String path, long articles) {
    }

    record Home(List<Category> categories, List<Link> popular) {
    }

    record CategoryPage(String name, String canonical, List<Link> articles) {
    }

    /**
     * @param html sanitised body
     * @param vote this visitor's vote: true helpful, false not helpful, null none yet
     */
    record ArticlePage(String id, String title, String html, String description, String canonical,
            String feedbackPath, Category category, List<Link> related, Boolean vote) {
    }
}
