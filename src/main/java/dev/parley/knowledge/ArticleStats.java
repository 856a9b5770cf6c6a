package dev.parley.knowledge;

/** How an article is doing: help-center views and feedback, and how often the assistant answered with it. */
public interface ArticleStats {

    Stats of(String articleId);

    record Stats(long views, long helpful, long notHelpful, long usedByAssistant) {

        /** Share of "helpful" votes, or null without votes. */
        public Double helpfulRatio() {
            long votes = helpful + notHelpful;
            return votes == 0 ? null : (double) helpful / votes;
        }
    }
}
