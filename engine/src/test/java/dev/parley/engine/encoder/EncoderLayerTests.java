package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.ModelFile.HIDDEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EncoderLayerTests {

    private static ModelFile model;
    private static MatrixProducts products;

    @BeforeAll
    static void load() {
        model = new ModelFile(BgeSmallEmbeddingModel.modelFile());
        products = new MatrixProducts(1);
    }

    @AfterAll
    static void close() {
        products.close();
    }

    @Test
    void backwardPassMatchesFiniteDifferencesForEveryKindOfParameter() {
        Random random = new Random(3);
        TunedLayers layers = TunedLayers.read(model, 2);
        Batch batch = new Batch(2, 5, new int[] {3, 5});
        float[] states = new float[batch.rows() * HIDDEN];
        for (int b = 0; b < batch.size(); b++) {
            for (int i = 0; i < batch.lengths()[b] * HIDDEN; i++) {
                states[b * batch.length() * HIDDEN + i] = (float) random.nextGaussian();
            }
        }
        float[] direction = new float[batch.size() * HIDDEN];
        for (int i = 0; i < direction.length; i++) {
            direction[i] = (float) random.nextGaussian();
        }
        TunedLayers.Pass pass = layers.forward(states, batch, products);
        List<LayerParameters> gradients = layers.backward(pass, direction, products);
        // The key bias is left out: attention is invariant to it, so its gradient is zero.
        int[][] checked = {{0, LayerParameters.WQ}, {0, LayerParameters.BQ}, {0, LayerParameters.BV}, {0, LayerParameters.WV},
            {0, LayerParameters.G1}, {0, LayerParameters.W2}, {1, LayerParameters.WK}, {1, LayerParameters.WO},
            {1, LayerParameters.C1}, {1, LayerParameters.W1}, {1, LayerParameters.B1}, {1, LayerParameters.G2}};
        for (int[] check : checked) {
            float[] parameter = layers.layers().get(check[0]).get(check[1]);
            float[] step = new float[parameter.length];
            double predicted = 0;
            for (int i = 0; i < step.length; i++) {
                step[i] = (float) (random.nextGaussian() * 1e-3);
                predicted += step[i] * gradients.get(check[0]).get(check[1])[i];
            }
            double up = shifted(layers, parameter, step, 1, states, batch, direction);
            double down = shifted(layers, parameter, step, -1, states, batch, direction);
            double numeric = (up - down) / 2;
            assertThat(Math.abs(numeric - predicted) / (Math.abs(numeric) + Math.abs(predicted)))
                    .as("layer %d tensor %d: predicted %g, numeric %g", check[0], check[1], predicted, numeric)
                    .isLessThan(2e-2);
        }
    }

    private static double shifted(TunedLayers layers, float[] parameter, float[] step, int sign, float[] states,
            Batch batch, float[] direction) {
        for (int i = 0; i < step.length; i++) {
            parameter[i] += sign * step[i];
        }
        float[] embeddings = layers.forward(states, batch, products).embeddings();
        for (int i = 0; i < step.length; i++) {
            parameter[i] -= sign * step[i];
        }
        double value = 0;
        for (int i = 0; i < embeddings.length; i++) {
            value += embeddings[i] * direction[i];
        }
        return value;
    }

    @Test
    void untunedLayersOverTheFrozenStatesGiveTheShippedEmbeddings() {
        List<String> texts = List.of("Where is my parcel?", "How do I reset my password after it expired?",
                "refund", "Can I change the delivery address of an order that has already shipped to me?");
        TunedLayers layers = TunedLayers.read(model, 4);
        FrozenStates states;
        try (LowerLayers lower = new LowerLayers(model, BgeSmallEmbeddingModel.tokenizerFile(), layers.first())) {
            states = lower.states(texts);
        }
        float[][] embeddings = layers.embed(states, products);
        BgeSmallEmbeddingModel shipped = new BgeSmallEmbeddingModel();
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = shipped.embed(texts.get(i)).content().vector();
            assertThat(cosine(embeddings[i], expected)).as(texts.get(i)).isGreaterThan(0.98);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
