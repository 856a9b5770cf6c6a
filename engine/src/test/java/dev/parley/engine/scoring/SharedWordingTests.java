package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedWordingTests {

    private static final String SIGN_OFF = "If you face any challenges, our dedicated support team is available around the"
            + " clock by phone or through live chat on the website.";

    private static final String[] TOPICS = {"cancel an order before it ships", "change the delivery address",
        "download an invoice for a purchase", "reset a forgotten password", "track a parcel in transit",
        "return a damaged item for a refund", "update the card used for payments", "close an account for good",
        "subscribe to the weekly newsletter", "report a problem with the website"};

    private static List<TestKnowledge.Article> articlesEndingWithTheSameSignOff() {
        List<TestKnowledge.Article> articles = new ArrayList<>();
        for (int a = 0; a < TOPICS.length; a++) {
            articles.add(new TestKnowledge.Article("a" + a, "How to " + TOPICS[a],
                    "Steps to " + TOPICS[a] + ".\n\n" + SIGN_OFF, List.of()));
        }
        return articles;
    }

    @Test
    void aPassageMostlyInWordingThatManyArticlesShareIsBoilerplate() {
        SharedWording shared = SharedWording.of(articlesEndingWithTheSameSignOff());

        assertThat(shared.boilerplate(SIGN_OFF)).isTrue();
        assertThat(shared.boilerplate("Steps to track a parcel in transit.")).isFalse();
    }

    @Test
    void wordingSharedByOnlyAFewSiblingArticlesIsNotBoilerplate() {
        List<TestKnowledge.Article> articles = new ArrayList<>();
        for (int a = 0; a < 30; a++) {
            String body = a < 2 ? "Veterans can apply for disability compensation online or by mail." : "Topic " + a;
            articles.add(new TestKnowledge.Article("a" + a, "Section " + a, body, List.of()));
        }

        assertThat(SharedWording.of(articles)
                .boilerplate("Veterans can apply for disability compensation online or by mail.")).isFalse();
    }

    @Test
    void aProseArticlesPassagesAreReadUnderItsTitleWithoutBoilerplateUnlessItHasNothingElse() {
        List<TestKnowledge.Article> articles = articlesEndingWithTheSameSignOff();
        SharedWording shared = SharedWording.of(articles);
        TestKnowledge.Article onlySignOff = new TestKnowledge.Article("contact", "Contact us", SIGN_OFF, List.of());

        assertThat(TrainingTexts.of(articles.get(0), shared::boilerplate)).containsExactly(
                "How to cancel an order before it ships",
                "How to cancel an order before it ships: Steps to cancel an order before it ships.");
        assertThat(TrainingTexts.of(onlySignOff, shared::boilerplate)).containsExactly("Contact us",
                "Contact us: " + SIGN_OFF);
    }

    @Test
    void sequencesAreLowerCasedRunsOfThreeWordsAcrossPunctuation() {
        assertThat(SharedWording.sequences("Call us, any time!")).containsExactlyInAnyOrder("call us any", "us any time");
        assertThat(SharedWording.sequences("two words")).isEmpty();
    }

    @Test
    void theScorerTrainsAProseKnowledgeBaseWithoutItsBoilerplate() {
        List<TestKnowledge.Article> articles = articlesEndingWithTheSameSignOff();

        List<String> texts = ScorerTrainer.Labelled.of(articles).texts();

        assertThat(texts).noneMatch(text -> text.contains(SIGN_OFF))
                .contains("How to track a parcel in transit: Steps to track a parcel in transit.")
                .hasSize(2 * TOPICS.length);
    }
}
