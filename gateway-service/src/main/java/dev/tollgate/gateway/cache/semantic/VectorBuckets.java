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
    private final Map<String, VectorBucket> buckets = new HashMap<>();
    private final Map<String, VectorBucket> owners = new HashMap<>();

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
            VectorBucket found = buckets.get(bucket);
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
            VectorBucket target = buckets.computeIfAbsent(bucket, name -> new VectorBucket(name, vector.length));
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
            for (VectorBucket bucket : List.copyOf(buckets.values())) {
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
        VectorBucket owner = owners.remove(entryKey);
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
        for (VectorBucket bucket : buckets.values()) {
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

    private void dropWhere(Function<VectorBucket, IntPredicate> doomed) {
        List<String> dropped = new ArrayList<>();
        for (VectorBucket bucket : buckets.values()) {
            var rows = doomed.apply(bucket);
            for (int row = 0; row < bucket.size; row++) {
                if (rows.test(row)) {
                    dropped.add(bucket.entryKeys[row]);
                }
            }
        }
        dropped.forEach(this::remove);
    }
}
