package dev.tollgate.gateway.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorBucketsTests {

    static final long NOW = 1_000_000L;
    static final long LATER = NOW + 60_000;

    @Test
    void findsTheClosestEntryOfTheBucketAtOrAboveTheThreshold() {
        var buckets = new VectorBuckets(100);
        buckets.add("a", "e1", "answer1", unit(1, 0, 0), LATER, NOW);
        buckets.add("a", "e2", "answer2", unit(1, 1, 0), LATER, NOW);
        buckets.add("b", "e3", "answer3", unit(1, 0.1f, 0), LATER, NOW);

        var match = buckets.nearest("a", unit(1, 0.2f, 0), 0.9, NOW);

        assertThat(match).isNotNull();
        assertThat(match.answerKey()).isEqualTo("answer1");
        assertThat(match.similarity()).isGreaterThan(0.98);
        assertThat(buckets.nearest("a", unit(0, 0, 1), 0.5, NOW)).isNull();
        assertThat(buckets.nearest("c", unit(1, 0, 0), 0.5, NOW)).isNull();
    }

    @Test
    void neverReturnsAnExpiredEntry() {
        var buckets = new VectorBuckets(100);
        buckets.add("a", "e1", "answer1", unit(1, 0, 0), NOW + 10, NOW);

        assertThat(buckets.nearest("a", unit(1, 0, 0), 0.9, NOW + 10)).isNull();
    }

    @Test
    void replacesAnEntryAddedAgain() {
        var buckets = new VectorBuckets(100);
        buckets.add("a", "e1", "old", unit(1, 0, 0), LATER, NOW);
        buckets.add("a", "e1", "new", unit(1, 0, 0), LATER, NOW);

        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.nearest("a", unit(1, 0, 0), 0.9, NOW).answerKey()).isEqualTo("new");
    }

    @Test
    void evictsTheLeastRecentlyUsedPastItsBound() {
        var buckets = new VectorBuckets(20);
        for (int i = 0; i < 20; i++) {
            buckets.add("a", "e" + i, "answer" + i, unit(1, i, 0), LATER, NOW + i);
        }
        buckets.nearest("a", unit(1, 0, 0), 0.99, NOW + 100); // e0 is used, so it stays

        buckets.add("a", "e20", "answer20", unit(0, 0, 1), LATER, NOW + 101);

        assertThat(buckets.size()).isLessThanOrEqualTo(19);
        assertThat(buckets.contains("e0")).isTrue();
        assertThat(buckets.contains("e20")).isTrue();
        assertThat(buckets.contains("e1")).isFalse();
    }

    @Test
    void purgesWholeBucketsAndForgetsSingleEntries() {
        var buckets = new VectorBuckets(100);
        buckets.add("t1\nr1\ns", "e1", "answer1", unit(1, 0, 0), LATER, NOW);
        buckets.add("t1\nr1\ns", "e2", "answer2", unit(0, 1, 0), LATER, NOW);
        buckets.add("t2\nr1\ns", "e3", "answer3", unit(1, 0, 0), LATER, NOW);

        buckets.forget("e2");
        int purged = buckets.purge(bucket -> bucket.startsWith("t1\n"));

        assertThat(purged).isEqualTo(1);
        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.contains("e3")).isTrue();
    }

    @Test
    void computesTheDotProductOfRowsOfAnyLength() {
        float[] rows = new float[] {0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] probe = new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1};

        assertThat(VectorBucket.dot(rows, 2, probe)).isEqualTo(45f);
    }

    private static float[] unit(float x, float y, float z) {
        return PromptEmbedder.normalised(new float[] {x, y, z});
    }
}
