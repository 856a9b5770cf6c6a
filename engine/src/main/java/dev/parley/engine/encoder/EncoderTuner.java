package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.ModelFile.HIDDEN;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes the encoder's top layers on a knowledge base's own texts (titles and example questions,
 * labelled with their article) with a CosFace loss: each text's embedding is pulled towards a learned
 * direction for its article and pushed from the others' by a margin, which is what separates sibling
 * articles that the shipped embedding puts close together. Deterministic for given texts and seed.
 */
final class EncoderTuner {

    private static final Logger log = LoggerFactory.getLogger(EncoderTuner.class);

    /**
     * How to tune; {@link #defaults()} are the measured ones (docs/benchmarks.md, "Fine-tuning the encoder").
     * {@code epochs} is the most; a knowledge base with many texts gets fewer, so that a tuning sees at most
     * {@code textBudget} texts (at least one epoch), which bounds its cost for large knowledge bases.
     */
    record Settings(int layers, double learningRate, int epochs, double margin, double scale, int batchSize,
            double headLearningRate, long seed, int textBudget) {

        static Settings defaults() {
            return new Settings(4, 5e-5, 5, 0.2, 30, 32, 1e-3, 7, 10_000);
        }

        int epochsFor(int texts) {
            return Math.max(1, Math.min(epochs, textBudget / Math.max(1, texts)));
        }
    }

    private final Settings settings;
    private final MatrixProducts products;

    EncoderTuner(Settings settings, MatrixProducts products) {
        this.settings = settings;
        this.products = products;
    }

    /** The tuned copy of {@code initial}; {@code states} are the texts' frozen states, {@code labels} their articles. */
    TunedLayers tune(TunedLayers initial, FrozenStates states, int[] labels, int classes) {
        return tune(initial, states, labels, classes, () -> false);
    }

    /** As above; stops with a {@link CancellationException} between batches once {@code cancelled} is true. */
    TunedLayers tune(TunedLayers initial, FrozenStates states, int[] labels, int classes, BooleanSupplier cancelled) {
        TunedLayers tuned = new TunedLayers(initial.layers().stream().map(LayerParameters::copy).toList());
        float[] centres = centres(tuned.embed(states, products), labels, classes);
        List<float[]> parameters = new ArrayList<>();
        tuned.layers().forEach(l -> parameters.addAll(List.of(l.tensors)));
        Adam encoder = new Adam(parameters, settings.learningRate());
        Adam head = new Adam(List.of(centres), settings.headLearningRate());
        Random random = new Random(settings.seed());
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int epochs = settings.epochsFor(labels.length);
        for (int epoch = 0; epoch < epochs; epoch++) {
            long started = System.nanoTime();
            double loss = 0;
            shuffle(order, random);
            for (int start = 0; start < order.length; start += settings.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("encoder tuning cancelled");
                }
                int[] rows = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + settings.batchSize()));
                loss += step(tuned, states.padded(rows), labelsOf(rows, labels), centres, classes, encoder, head, parameters);
            }
            log.debug("Encoder tuning epoch {}: loss {} over {} texts in {} ms", epoch + 1,
                    String.format("%.4f", loss / order.length), order.length, (System.nanoTime() - started) / 1_000_000);
        }
        return tuned;
    }

    /** One batch's update; returns the batch's summed loss. */
    private double step(TunedLayers tuned, FrozenStates.Padded batch, int[] labels, float[] centres, int classes,
            Adam encoder, Adam head, List<float[]> parameters) {
        TunedLayers.Pass pass = tuned.forward(batch.states(), batch.batch(), products);
        int n = labels.length;
        float[] norms = new float[classes];
        float[] unit = new float[centres.length];
        for (int c = 0; c < classes; c++) {
            double norm = 0;
            for (int j = 0; j < HIDDEN; j++) {
                norm += centres[c * HIDDEN + j] * centres[c * HIDDEN + j];
            }
            norms[c] = (float) Math.max(Math.sqrt(norm), 1e-12);
            for (int j = 0; j < HIDDEN; j++) {
                unit[c * HIDDEN + j] = centres[c * HIDDEN + j] / norms[c];
            }
        }
        float[] logits = products.timesTransposed(pass.embeddings(), n, HIDDEN, unit, classes);
        float[] dLogits = new float[logits.length];
        double loss = 0;
        for (int b = 0; b < n; b++) {
            int row = b * classes;
            logits[row + labels[b]] -= (float) settings.margin();
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, settings.scale() * logits[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(settings.scale() * logits[row + c] - max);
            }
            loss -= settings.scale() * logits[row + labels[b]] - max - Math.log(sum);
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(settings.scale() * logits[row + c] - max) / sum;
                dLogits[row + c] = (float) (settings.scale() * (p - (c == labels[b] ? 1 : 0)) / n);
            }
        }
        float[] dUnit = products.transposedTimes(dLogits, n, classes, pass.embeddings(), HIDDEN);
        float[] dCentres = new float[centres.length];
        for (int c = 0; c < classes; c++) {
            double dot = 0;
            for (int j = 0; j < HIDDEN; j++) {
                dot += unit[c * HIDDEN + j] * dUnit[c * HIDDEN + j];
            }
            for (int j = 0; j < HIDDEN; j++) {
                int i = c * HIDDEN + j;
                dCentres[i] = (float) ((dUnit[i] - unit[i] * dot) / norms[c]);
            }
        }
        float[] dEmbeddings = products.times(dLogits, n, classes, unit, HIDDEN);
        head.update(List.of(centres), List.of(dCentres));
        List<float[]> gradients = new ArrayList<>();
        tuned.backward(pass, dEmbeddings, products).forEach(g -> gradients.addAll(List.of(g.tensors)));
        encoder.update(parameters, gradients);
        return loss;
    }

    /** Each article's mean embedding: where its learned direction starts. */
    private static float[] centres(float[][] embeddings, int[] labels, int classes) {
        float[] centres = new float[classes * HIDDEN];
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < HIDDEN; j++) {
                centres[labels[i] * HIDDEN + j] += embeddings[i][j];
            }
        }
        for (int i = 0; i < centres.length; i++) {
            centres[i] /= Math.max(1, counts[i / HIDDEN]);
        }
        return centres;
    }

    private static int[] labelsOf(int[] rows, int[] labels) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return out;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
