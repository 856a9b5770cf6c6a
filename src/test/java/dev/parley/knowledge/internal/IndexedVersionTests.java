package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexedVersionTests {

    @Test
    void advancesOnlyWhenEveryEarlierVersionIsDone() {
        IndexedVersion indexed = new IndexedVersion();
        indexed.reset(4);
        indexed.done(6);
        assertThat(indexed.current()).isEqualTo(4);
        indexed.done(5);
        assertThat(indexed.current()).isEqualTo(6);
        indexed.done(3);
        assertThat(indexed.current()).isEqualTo(6);
    }

    @Test
    void aRebuildCoversEverythingUpToItsVersion() {
        IndexedVersion indexed = new IndexedVersion();
        indexed.done(2);
        indexed.reset(10);
        indexed.done(11);
        assertThat(indexed.current()).isEqualTo(11);
    }
}
