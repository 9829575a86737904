package dev.accrue.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdHashSetTest {
    @Test
    void takesEachIdOnceThroughGrowth() {
        IdHashSet set = new IdHashSet(16);
        for (int i = 0; i < 200_000; i++) assertThat(set.add("s-" + i)).as("s-%d", i).isTrue();
        for (int i = 0; i < 200_000; i += 7) assertThat(set.add("s-" + i)).as("s-%d again", i).isFalse();
        assertThat(set.add("")).isTrue();
        assertThat(set.add("")).isFalse();
        assertThat(set.size()).isEqualTo(200_001);
    }

    @Test
    void hashesDependOnEveryCharacterAndTheLength() {
        long[] a = new long[2];
        long[] b = new long[2];
        String[][] pairs = {{"L-12345678", "L-12345679"}, {"abcdefgh", "abcdefgi"}, {"abc", "abc\u0000"}, {"", "\u0000"},
                {"s-1", "s-1 "}, {"abcdefghijklmnop", "abcdefghijklmnoq"}};
        for (String[] pair : pairs) {
            IdHash.hash(pair[0], a);
            IdHash.hash(pair[1], b);
            assertThat(a[0] == b[0] && a[1] == b[1]).as("%s vs %s", pair[0], pair[1]).isFalse();
        }
    }
}
