package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.EncoderLayerTests.cosine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncoderTuningTests {

    /** Sibling articles ("look it up" against "change it"), which the shipped embedding puts close together. */
    private static final List<List<String>> ARTICLES = List.of(
            List.of("Track my order", "where is my order", "has my order shipped yet", "when will my package arrive",
                    "what is the status of my order", "can you tell me where my parcel is"),
            List.of("Change my order", "I want to change my order", "can I add an item to my order",
                    "how do I edit the items in my order", "swap a product in my order", "modify what I ordered"),
            List.of("Check my balance", "what is my account balance", "how much money do I have",
                    "show me my balance", "tell me my current balance", "balance on my account please"),
            List.of("Top up my balance", "add money to my account", "how do I top up", "I want to put money in",
                    "load funds onto my balance", "increase my balance with a card payment"));

    private static ModelFile model;
    private static MatrixProducts products;
    private static List<String> texts;
    private static int[] labels;

    @BeforeAll
    static void load() {
        model = new ModelFile(BgeSmallEmbeddingModel.modelFile());
        products = new MatrixProducts(1);
        texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int a = 0; a < ARTICLES.size(); a++) {
            for (String text : ARTICLES.get(a)) {
                texts.add(text);
                owners.add(a);
            }
        }
        labels = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    @AfterAll
    static void close() {
        products.close();
    }

    @Test
    void tuningSeparatesSiblingArticlesOnTheirOwnTexts() {
        TunedLayers initial = TunedLayers.read(model, 4);
        FrozenStates states = frozen(initial);
        var settings = new EncoderTuner.Settings(4, 5e-5, 10, 0.2, 30, 8, 1e-3, 7, 10_000);
        TunedLayers tuned = new EncoderTuner(settings, products).tune(initial, states, labels, ARTICLES.size());

        double before = separation(initial.embed(states, products));
        double after = separation(tuned.embed(states, products));

        assertThat(after).as("own-article minus nearest other article similarity").isGreaterThan(before + 0.05);
    }

    @Test
    void theWrittenModelFileRunsTheTunedLayersInOnnxRuntime() {
        TunedLayers initial = TunedLayers.read(model, 4);
        FrozenStates states = frozen(initial);
        var settings = new EncoderTuner.Settings(4, 1e-4, 3, 0.2, 30, 8, 1e-3, 7, 10_000);
        TunedLayers tuned = new EncoderTuner(settings, products).tune(initial, states, labels, ARTICLES.size());

        float[][] expected = TunedModelFile.rounded(model, tuned).embed(states, products);
        TunedEncoder encoder = new TunedEncoder(TunedModelFile.write(model, tuned));
        float[][] shipped = initial.embed(states, products);

        for (int i = 0; i < texts.size(); i++) {
            float[] actual = encoder.embed(texts.get(i));
            assertThat(cosine(actual, expected[i])).as(texts.get(i)).isGreaterThan(0.98);
            assertThat(cosine(actual, expected[i])).as("closer to the tuned than to the shipped layers: " + texts.get(i))
                    .isGreaterThan(cosine(actual, shipped[i]));
        }
    }

    @Test
    void tuningIsRepeatable() {
        TunedLayers initial = TunedLayers.read(model, 2);
        FrozenStates states = frozen(initial);
        var settings = new EncoderTuner.Settings(2, 1e-4, 1, 0.2, 30, 8, 1e-3, 7, 10_000);
        float[][] first = new EncoderTuner(settings, products).tune(initial, states, labels, 4).embed(states, products);
        float[][] second = new EncoderTuner(settings, products).tune(initial, states, labels, 4).embed(states, products);

        assertThat(second).isDeepEqualTo(first);
    }

    @Test
    void tuningStopsBetweenBatchesWhenCancelled() {
        TunedLayers initial = TunedLayers.read(model, 1);
        FrozenStates states = frozen(initial);
        var settings = new EncoderTuner.Settings(1, 1e-4, 5, 0.2, 30, 4, 1e-3, 7, 10_000);
        int[] batches = {0};

        assertThatThrownBy(() -> new EncoderTuner(settings, products).tune(initial, states, labels, 4,
                () -> ++batches[0] > 2)).isInstanceOf(CancellationException.class);
        assertThat(batches[0]).isEqualTo(3);
    }

    private static FrozenStates frozen(TunedLayers initial) {
        try (LowerLayers lower = new LowerLayers(model, BgeSmallEmbeddingModel.tokenizerFile(), initial.first())) {
            return lower.states(texts);
        }
    }

    /** Mean over texts of the similarity to their own article's other texts minus the best other article's. */
    private static double separation(float[][] embeddings) {
        double total = 0;
        for (int i = 0; i < embeddings.length; i++) {
            double[] best = new double[ARTICLES.size()];
            int[] count = new int[ARTICLES.size()];
            for (int j = 0; j < embeddings.length; j++) {
                if (j != i) {
                    best[labels[j]] += cosine(embeddings[i], embeddings[j]);
                    count[labels[j]]++;
                }
            }
            double own = best[labels[i]] / count[labels[i]];
            double other = -1;
            for (int a = 0; a < best.length; a++) {
                if (a != labels[i]) {
                    other = Math.max(other, best[a] / count[a]);
                }
            }
            total += own - other;
        }
        return total / embeddings.length;
    }
}
