import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.tollgate.gateway.cache.semantic.VectorBuckets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lookup latency of the semantic cache's in-process index at 1k, 10k and 100k entries in one scope (the worst case:
 * every entry of a tenant's route with the same earlier turns), against an HNSW graph (hnswlib-core), and the MiniLM
 * embedding time per prompt. Vectors are 384-dimensional unit vectors around 2,000 topic centres; each query is a
 * stored vector moved a little (a near-duplicate prompt), and recall@1 says how often the index returns that stored
 * vector. Single-threaded, as one lookup runs. Run by bench/semantic-index.sh.
 */
public class SemanticIndexBench {

    static final int DIMENSIONS = 384;
    static final int QUERIES = Integer.parseInt(System.getenv().getOrDefault("QUERIES", "2000"));
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Lookup {
        String nearest(float[] query);
    }

    record Entry(String id, float[] vector) implements Item<String, float[]> {
        public int dimensions() {
            return DIMENSIONS;
        }
    }

    public static void main(String[] args) throws Exception {
        String[] sizes = args.length > 0 ? args : new String[] {"1000", "10000", "100000"};
        System.out.printf("java %s, %d CPUs%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (System.getenv("NO_EMBEDDING") == null) {
            embedding();
        }
        System.out.println("| Index | Entries | wall p50 ms | wall p99 ms | CPU p50 ms | CPU p99 ms | recall@1 | build | memory |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String size : sizes) {
            index(Integer.parseInt(size));
        }
    }

    static void index(int size) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        float[][] centres = new float[2_000][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = unit(gaussian(random, 1.0));
        }
        float[][] stored = new float[size][];
        for (int i = 0; i < size; i++) {
            stored[i] = unit(add(centres[random.nextInt(centres.length)], gaussian(random, 0.05)));
        }
        int[] targets = new int[QUERIES];
        float[][] queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            targets[q] = random.nextInt(size);
            queries[q] = unit(add(stored[targets[q]], gaussian(random, 0.01)));
        }

        System.gc();
        long heapBefore = usedHeap();
        VectorBuckets buckets = new VectorBuckets(size + 1);
        long now = System.currentTimeMillis();
        for (int i = 0; i < size; i++) {
            buckets.add("scope", "e" + i, "a" + i, stored[i], Long.MAX_VALUE, now);
        }
        System.gc();
        long heap = usedHeap() - heapBefore;
        measure("brute force (VectorBuckets)", size, queries, targets, 0, heap, query -> {
            VectorBuckets.Match match = buckets.nearest("scope", query, 0.9, now);
            return match == null ? null : match.entryKey();
        });

        if (System.getenv("NO_HNSW") != null) {
            return;
        }
        long buildStarted = System.nanoTime();
        HnswIndex<String, float[], Entry, Float> hnsw = HnswIndex.newBuilder(
                        DIMENSIONS, DistanceFunctions.FLOAT_INNER_PRODUCT, size)
                .withM(16)
                .withEfConstruction(100)
                .withEf(64)
                .withRemoveEnabled()
                .build();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(new Entry("e" + i, stored[i]));
        }
        hnsw.addAll(entries, Runtime.getRuntime().availableProcessors(), (done, max) -> {}, Integer.MAX_VALUE);
        long build = System.nanoTime() - buildStarted;
        measure("HNSW (hnswlib-core M=16 efC=100 ef=64)", size, queries, targets, build, -1, query -> {
            List<SearchResult<Entry, Float>> found = hnsw.findNearest(query, 1);
            return found.isEmpty() ? null : found.getFirst().item().id();
        });
    }

    static void measure(
            String what, int size, float[][] queries, int[] targets, long buildNanos, long heap, Lookup lookup) {
        long[] wall = new long[QUERIES];
        long[] cpu = new long[QUERIES];
        int hits = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT
            hits = 0;
            for (int q = 0; q < QUERIES; q++) {
                long cpuStarted = THREADS.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                String found = lookup.nearest(queries[q]);
                wall[q] = System.nanoTime() - started;
                cpu[q] = THREADS.getCurrentThreadCpuTime() - cpuStarted;
                if (("e" + targets[q]).equals(found)) {
                    hits++;
                }
            }
        }
        report(what, size, wall, cpu, hits, buildNanos, heap);
    }

    static void embedding() {
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        String[] prompts = {
            "How do I reset my password?",
            "What are your opening hours on Sunday?",
            "Summarize the plot of Hamlet in two sentences.",
            "Can I get a refund for an order I placed three weeks ago if the box was opened but the item is unused?",
            "Write a short, friendly reply to a customer who says their parcel arrived damaged and asks what to do next;"
                    + " apologise, ask for a photo of the damage and the order number, and promise a replacement.",
        };
        for (int i = 0; i < 50; i++) {
            model.embed(prompts[i % prompts.length] + i);
        }
        long[] times = new long[500];
        for (int i = 0; i < times.length; i++) {
            String prompt = prompts[i % prompts.length] + " " + i;
            long started = System.nanoTime();
            model.embed(prompt);
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        System.out.printf(
                "| MiniLM embedding, one prompt (6 to 60 words) | p50 %.2f ms | p99 %.2f ms |%n",
                times[times.length / 2] / 1e6, times[times.length * 99 / 100] / 1e6);
    }

    static void report(String what, int size, long[] times, long[] cpu, int hits, long buildNanos, long heapBytes) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long[] cpuSorted = cpu.clone();
        Arrays.sort(cpuSorted);
        System.out.printf(
                "| %s | %,d | %.3f | %.3f | %.3f | %.3f | %.1f%% | %s | %s |%n",
                what,
                size,
                sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6,
                cpuSorted[cpuSorted.length / 2] / 1e6,
                cpuSorted[cpuSorted.length * 99 / 100] / 1e6,
                100.0 * hits / QUERIES,
                buildNanos == 0 ? "–" : String.format("%.1f s", buildNanos / 1e9),
                heapBytes < 0 ? "–" : String.format("%.0f MB", heapBytes / 1e6));
    }

    static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static float[] gaussian(SplittableRandom random, double sigma) {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            vector[i] = (float) (sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return vector;
    }

    static float[] add(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
