package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleDraftTests {

    @Test
    void textFromAnImportFileIsCleanedOfControlCharacters() {
        ArticleDraft draft = new ArticleDraft("id\u0000", "Re\u0000funds", "Body\u0007 text\n\tindented", "billing\u0000",
                List.of("t\u0000ag"), "en\u0000", ArticleStatus.PUBLISHED, List.of("where is my\u0000 refund"));
        assertThat(draft.id()).isEqualTo("id");
        assertThat(draft.title()).isEqualTo("Refunds");
        assertThat(draft.body()).isEqualTo("Body text\n\tindented");
        assertThat(draft.category()).isEqualTo("billing");
        assertThat(draft.locale()).isEqualTo("en");
        assertThat(draft.tags()).containsExactly("tag");
        assertThat(draft.examples()).containsExactly("where is my refund");
    }

    @Test
    void aNullExampleIsStillRefused() {
        assertThatThrownBy(() -> new ArticleDraft(null, "T", "B", null, List.of(), null, ArticleStatus.DRAFT,
                Arrays.asList("ok", null))).isInstanceOf(NullPointerException.class);
    }
}
