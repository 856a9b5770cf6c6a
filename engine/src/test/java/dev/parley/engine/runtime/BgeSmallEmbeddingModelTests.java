package dev.parley.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgeSmallEmbeddingModelTests {

    private final BgeSmallEmbeddingModel model = new BgeSmallEmbeddingModel();

    @Test
    void embedsIntoTheModelsThreeHundredAndEightyFourDimensions() {
        assertThat(model.dimension()).isEqualTo(384);
        assertThat(model.embed("Where is my parcel?").content().vector()).hasSize(384);
    }

    @Test
    void placesParaphrasesCloserThanUnrelatedQuestions() {
        float[] parcel = unit(model.embed("Where is my parcel?").content().vector());
        float[] order = unit(model.embed("When will my order arrive?").content().vector());
        float[] password = unit(model.embed("How do I reset my password?").content().vector());
        assertThat(dot(parcel, order)).isGreaterThan(dot(parcel, password) + 0.05f);
    }

    @Test
    void aBatchGivesTheSameVectorsAsOneTextAtATime() {
        List<String> texts = List.of("Can I return shoes?", "Do you ship to Norway?", "My card was declined");
        var batch = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        for (int i = 0; i < texts.size(); i++) {
            float[] single = unit(model.embed(texts.get(i)).content().vector());
            assertThat(dot(unit(batch.get(i).vector()), single)).isGreaterThan(0.9999f);
        }
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
