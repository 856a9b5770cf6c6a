package dev.parley.engine.scoring;

import java.util.List;

/**
 * What the scorer learns an article from: its title and example questions, its body's passages when it has no
 * examples. The application's own article type implements it and comes back in each {@link ScoredArticle}.
 */
public interface TrainingArticle {

    /** A stable key, named in logs. */
    String id();

    String title();

    /** Markdown; may be null. */
    String body();

    /** Phrasings customers use for the question the article answers. */
    List<String> examples();
}
