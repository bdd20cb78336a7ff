package dev.tollgate.gateway.cache.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The in-process vector index: unit vectors grouped in buckets, one per lookup scope (tenant, route and the scope
 * hash), each bucket's vectors in one contiguous {@code float[]}; a lookup is an exact brute-force scan of its bucket
 * only. Exact search, chosen over an HNSW graph by measurement (docs/benchmarks.md): a full 100,000-entry bucket scans
 * in a few milliseconds, most buckets are far smaller, and entries can be removed and purged at once, which a graph
 * handles badly.
 *
 * <p>Bounded: at most {@code maxEntries} vectors. Each entry has an expiry (its answer's TTL) and a last use; an
 * expired entry is never returned, and when an add goes past the bound, expired entries are dropped and then the least
 * recently used, down to 95% of the bound, so the sweep runs once per 5% of adds. Thread-safe: lookups share a read
 * lock, changes take the write lock.
 */
public final class VectorBuckets {

    private final int maxEntries;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Bucket> owners = new HashMap<>();

    public VectorBuckets(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The closest unexpired entry of {@code bucket} whose similarity to {@code probe} is at least {@code threshold},
     * or {@code null}. Marks it used.
     */
    public @Nullable Match nearest(String bucket, float[] probe, double threshold, long nowMillis) {
        lock.readLock().lock();
        try {
            Bucket found = buckets.get(bucket);
            return found == null ? null : found.nearest(probe, (float) threshold, nowMillis);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds or replaces the entry {@code entryKey} of {@code bucket} at {@code nowMillis}, evicting past the bound. */
    public void add(
            String bucket, String entryKey, String answerKey, float[] vector, long expiresAtMillis, long nowMillis) {
        lock.writeLock().lock();
        try {
            remove(entryKey);
            Bucket target = buckets.computeIfAbsent(bucket, name -> new Bucket(name, vector.length));
            if (target.dimensions != vector.length) {
                return; // another model's vector: never comparable, so never kept
            }
            target.append(entryKey, answerKey, vector, expiresAtMillis, nowMillis);
            owners.put(entryKey, target);
            if (owners.size() > maxEntries) {
                evict(nowMillis);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether {@code entryKey} is held. */
    public boolean contains(String entryKey) {
        lock.readLock().lock();
        try {
            return owners.containsKey(entryKey);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Drops the entry {@code entryKey}, if held. */
    public void forget(String entryKey) {
        lock.writeLock().lock();
        try {
            remove(entryKey);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops every bucket whose name {@code purged} accepts; returns how many entries went. */
    public int purge(Predicate<String> purged) {
        lock.writeLock().lock();
        try {
            int dropped = 0;
            for (Bucket bucket : List.copyOf(buckets.values())) {
                if (purged.test(bucket.name)) {
                    dropped += bucket.size;
                    Arrays.asList(bucket.entryKeys).subList(0, bucket.size).forEach(owners::remove);
                    buckets.remove(bucket.name);
                }
            }
            return dropped;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops every entry expired at {@code nowMillis}. */
    public void sweep(long nowMillis) {
        lock.writeLock().lock();
        try {
            dropExpired(nowMillis);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many entries are held. */
    public int size() {
        lock.readLock().lock();
        try {
            return owners.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A stored prompt close enough to the probe.
     *
     * @param entryKey the entry's Redis key
     * @param answerKey the Redis key of its answer
     * @param similarity the cosine similarity of the two prompts
     */
    public record Match(String entryKey, String answerKey, double similarity) {}

    private void remove(String entryKey) {
        Bucket owner = owners.remove(entryKey);
        if (owner != null) {
            owner.remove(entryKey);
            if (owner.size == 0) {
                buckets.remove(owner.name);
            }
        }
    }

    private void evict(long nowMillis) {
        dropExpired(nowMillis);
        int target = (int) (maxEntries * 0.95);
        if (owners.size() <= target) {
            return;
        }
        long[] uses = new long[owners.size()];
        int next = 0;
        for (Bucket bucket : buckets.values()) {
            System.arraycopy(bucket.lastUsed, 0, uses, next, bucket.size);
            next += bucket.size;
        }
        Arrays.sort(uses);
        long cutoff = uses[owners.size() - target - 1];
        dropWhere(bucket -> row -> bucket.lastUsed[row] <= cutoff);
    }

    private void dropExpired(long nowMillis) {
        dropWhere(bucket -> row -> bucket.expiresAt[row] <= nowMillis);
    }

    private void dropWhere(Function<Bucket, IntPredicate> doomed) {
        List<String> dropped = new ArrayList<>();
        for (Bucket bucket : buckets.values()) {
            var rows = doomed.apply(bucket);
            for (int row = 0; row < bucket.size; row++) {
                if (rows.test(row)) {
                    dropped.add(bucket.entryKeys[row]);
                }
            }
        }
        dropped.forEach(this::remove);
    }

    /** One scope's vectors, row after row in one array. Guarded by the index's lock. */
    private static final class Bucket {

        final String name;
        final int dimensions;
        final Map<String, Integer> rows = new HashMap<>();
        float[] vectors;
        String[] entryKeys;
        String[] answerKeys;
        long[] expiresAt;
        long[] lastUsed;
        int size;

        Bucket(String name, int dimensions) {
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
