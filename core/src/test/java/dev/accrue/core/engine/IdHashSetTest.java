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
    void aTableMadeForSoManyIdsHoldsThemAtMostThreeQuartersFull() {
        assertThat(IdHash.slotsFor(0)).isEqualTo(16);
        assertThat(IdHash.slotsFor(12)).isEqualTo(16);
        assertThat(IdHash.slotsFor(13)).isEqualTo(32);
        assertThat(IdHash.slotsFor(12_582_912)).as("three quarters of 2^24").isEqualTo(1 << 24);
        assertThat(IdHash.slotsFor(12_582_913)).isEqualTo(1 << 25);
        assertThat(IdHash.slotsFor(Integer.MAX_VALUE)).as("bounded").isEqualTo(1 << 29);
    }

    @Test
    void aSetMadeForManyIdsTakesThemAsAnyOther() {
        IdHashSet set = new IdHashSet(100_000);
        for (int i = 0; i < 150_000; i++) assertThat(set.add("e-" + i)).isTrue();
        assertThat(set.add("e-99999")).isFalse();
        assertThat(set.size()).isEqualTo(150_000);
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
