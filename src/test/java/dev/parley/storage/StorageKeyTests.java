package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTests {

    @ParameterizedTest
    @ValueSource(strings = {"a", "exports/2026-12/conversations.csv", "models/bge_small.v1.onnx", "A-1/b_2/c.3"})
    void acceptsPlainRelativeNames(String value) {
        assertThat(StorageKey.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../secrets", "a/../../b", "a/./b", "/etc/passwd", "a//b", "a/", ".hidden",
            "a/.partial-1.tmp", "C:\\windows", "a\\..\\b", "a b", "a\u0000b", "ümlaut", "a/~/b", "%2e%2e/x"})
    void rejectsNamesThatCouldEscapeOrMeanDifferentThingsOnDifferentStores(String value) {
        assertThatThrownBy(() -> StorageKey.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "exports", "exports/", "exports/2026-"})
    void prefixesAreEmptyOrAKeyWithAnOptionalSlash(String prefix) {
        assertThat(StorageKey.isPrefix(prefix)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "../", "exports//", "/exports"})
    void rejectsOtherPrefixes(String prefix) {
        assertThat(StorageKey.isPrefix(prefix)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void rejectsOverlongKeysAndResolvesChildren() {
        assertThatThrownBy(() -> StorageKey.of("a".repeat(StorageKey.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StorageKey.of("exports").resolve("a.csv")).isEqualTo(StorageKey.of("exports/a.csv"));
        assertThatThrownBy(() -> StorageKey.of("exports").resolve("..")).isInstanceOf(IllegalArgumentException.class);
    }
}
