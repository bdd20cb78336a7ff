package dev.tollgate.gateway.cache.semantic;

import dev.tollgate.gateway.cache.semantic.VectorBuckets.Match;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One scope's vectors, row after row in one {@code float[]}, with each row's keys, expiry and last use. Not
 * thread-safe: {@link VectorBuckets} guards it with its lock.
 */
final class VectorBucket {

    final String name;
    final int dimensions;
    final Map<String, Integer> rows = new HashMap<>();
    float[] vectors;
    String[] entryKeys;
    String[] answerKeys;
    long[] expiresAt;
    long[] lastUsed;
    int size;

    VectorBucket(String name, int dimensions) {
        this.name = name;
        this.dimensions = dimensions;
        this.vectors = new float[dimensions * 4];
        this.entryKeys = new String[4];
        this.answerKeys = new String[4];
        this.expiresAt = new long[4];
        this.lastUsed = new long[4];
    }

    @Nullable
    Match nearest(float[] probe, float threshold, long nowMillis) {
        if (probe.length != dimensions) {
            return null;
        }
        int best = -1;
        float bestScore = threshold;
        for (int row = 0; row < size; row++) {
            float score = dot(vectors, row * dimensions, probe);
            if (score >= bestScore && expiresAt[row] > nowMillis) {
                best = row;
                bestScore = score;
            }
        }
        if (best < 0) {
            return null;
        }
        lastUsed[best] = nowMillis; // a racy write under the read lock: at worst a use is recorded late
        return new Match(entryKeys[best], answerKeys[best], bestScore);
    }

    void append(String entryKey, String answerKey, float[] vector, long expires, long now) {
        if (size == entryKeys.length) {
            grow();
        }
        System.arraycopy(vector, 0, vectors, size * dimensions, dimensions);
        entryKeys[size] = entryKey;
        answerKeys[size] = answerKey;
        expiresAt[size] = expires;
        lastUsed[size] = now;
        rows.put(entryKey, size);
        size++;
    }

    // The last row moves into the hole, so the rows stay contiguous.
    void remove(String entryKey) {
        Integer row = rows.remove(entryKey);
        if (row == null) {
            return;
        }
        int last = size - 1;
        if (row != last) {
            System.arraycopy(vectors, last * dimensions, vectors, row * dimensions, dimensions);
            entryKeys[row] = entryKeys[last];
            answerKeys[row] = answerKeys[last];
            expiresAt[row] = expiresAt[last];
            lastUsed[row] = lastUsed[last];
            rows.put(entryKeys[row], row);
        }
        entryKeys[last] = null;
        answerKeys[last] = null;
        size--;
    }

    private void grow() {
        int capacity = entryKeys.length * 2;
        vectors = Arrays.copyOf(vectors, capacity * dimensions);
        entryKeys = Arrays.copyOf(entryKeys, capacity);
        answerKeys = Arrays.copyOf(answerKeys, capacity);
        expiresAt = Arrays.copyOf(expiresAt, capacity);
        lastUsed = Arrays.copyOf(lastUsed, capacity);
    }

    /**
     * The dot product of {@code probe} with the row of {@code vectors} starting at {@code offset}: the cosine
     * similarity of two unit vectors. Eight independent sums, so the loop is not one long chain of dependent
     * floating-point adds: the CPU overlaps them, and the JIT can keep them in vector registers.
     */
    static float dot(float[] vectors, int offset, float[] probe) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int length = probe.length;
        int i = 0;
        for (; i + 7 < length; i += 8) {
            int at = offset + i;
            s0 += vectors[at] * probe[i];
            s1 += vectors[at + 1] * probe[i + 1];
            s2 += vectors[at + 2] * probe[i + 2];
            s3 += vectors[at + 3] * probe[i + 3];
            s4 += vectors[at + 4] * probe[i + 4];
            s5 += vectors[at + 5] * probe[i + 5];
            s6 += vectors[at + 6] * probe[i + 6];
            s7 += vectors[at + 7] * probe[i + 7];
        }
        for (; i < length; i++) {
            s0 += vectors[offset + i] * probe[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
