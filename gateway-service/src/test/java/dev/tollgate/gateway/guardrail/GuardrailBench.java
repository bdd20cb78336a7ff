package dev.tollgate.gateway.guardrail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tollgate.gateway.usage.GuardrailTrail;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * How long guardrails take per request: a small harness, not a test (surefire runs it only when named, see
 * {@code bench/guardrails.sh}). Every built-in detector plus a deny list and a national-id pattern, all redacting
 * reversibly, over a 2 KB prompt, a 2 KB answer and the same answer streamed in 8-character chunks; then one 1 MB
 * prompt. Each case is warmed up, then timed call by call. The audit log is switched off: its cost is the logging
 * backend's.
 */
class GuardrailBench {

    private static final int WARMUP = 3_000;
    private static final int MEASURED = 5_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void measure() throws IOException {
        ((Logger) LoggerFactory.getLogger("tollgate.guardrail.audit")).setLevel(Level.OFF);
        List<Rule> rules = Fixtures.everyDetector(Action.REDACT, true);
        Stage input = new Stage(Stage.INPUT, rules, null);
        Stage output = new Stage(Stage.OUTPUT, rules, null);
        String clean = twoKilobytes(false);
        String personal = twoKilobytes(true);

        List<String> rows = new ArrayList<>();
        rows.add(row("input, 2 KB prompt, nothing found", time(() -> screen(input, clean))));
        rows.add(row("input, 2 KB prompt, 6 items redacted", time(() -> screen(input, personal))));
        rows.add(row("output, 2 KB answer, checked whole", time(() -> check(output, personal))));
        rows.add(
                row("output, 2 KB answer streamed in 8-char chunks (whole stream)", time(() -> stream(output, clean))));
        String huge = clean.repeat(512);
        rows.add(row("input, 1 MB prompt (one run)", once(() -> screen(input, huge))));

        String report = report(rows, clean.length());
        System.out.println(report);
        String target = System.getProperty("guardrail.bench.report");
        if (target != null && !target.isBlank()) {
            Files.writeString(Path.of(target), report, StandardCharsets.UTF_8);
        }
    }

    private static Object screen(Stage stage, String prompt) {
        ChatCompletionRequest request = new ChatCompletionRequest(
                "m",
                List.of(ChatMessage.of("system", "You are a support assistant."), ChatMessage.of("user", prompt)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return ChatRequests.screened(request, stage, decisions(Stage.INPUT), new Placeholders());
    }

    private static Object check(Stage stage, String answer) {
        var choice = new ChatCompletion.Choice(0, ChatMessage.of("assistant", answer), "stop", null, null);
        var completion = new ChatCompletion("id", "chat.completion", 1L, "m", List.of(choice), null, null, null, null);
        return new ResponseGuard(stage, new Placeholders(), null, decisions(Stage.OUTPUT)).check(completion);
    }

    private static Object stream(Stage stage, String answer) {
        StreamScreen screen =
                new StreamScreen(new ResponseGuard(stage, new Placeholders(), null, decisions(Stage.OUTPUT)));
        Object last = null;
        for (int i = 0; i < answer.length(); i += 8) {
            String piece = answer.substring(i, Math.min(answer.length(), i + 8));
            last = screen.screen(chunk(piece, i + 8 >= answer.length() ? "stop" : null));
        }
        return last;
    }

    private static ChatCompletionChunk chunk(String text, String finish) {
        return new ChatCompletionChunk(
                "id",
                "chat.completion.chunk",
                1L,
                "m",
                List.of(new ChunkChoice(0, ChatMessage.delta(null, text), finish, null, null)),
                null,
                null,
                null,
                null);
    }

    private static Decisions decisions(String stage) {
        return new Decisions(
                new Decisions.Audience("r", "t", "k"),
                stage,
                new GuardrailTrail(),
                new GuardrailMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    // Wall-clock and CPU time of each call: on a shared machine the wall clock includes time spent preempted, the
    // thread's CPU time does not.
    private static double[][] time(Supplier<Object> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        double[][] micros = new double[2][MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long cpu = CPU.getCurrentThreadCpuTime();
            micros[0][i] = nanos(work) / 1_000.0;
            micros[1][i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1_000.0;
        }
        return micros;
    }

    private static long nanos(Supplier<Object> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long elapsed = System.nanoTime() - start;
        if (result == null) {
            throw new AssertionError("no result");
        }
        return elapsed;
    }

    private static double[][] once(Supplier<Object> work) {
        long cpu = CPU.getCurrentThreadCpuTime();
        double wall = nanos(work) / 1_000.0;
        return new double[][] {{wall}, {(CPU.getCurrentThreadCpuTime() - cpu) / 1_000.0}};
    }

    private static String row(String name, double[][] micros) {
        double[] wall = micros[0].clone();
        double[] cpu = micros[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |",
                name,
                Arrays.stream(cpu).average().orElse(0),
                percentile(cpu, 0.50),
                percentile(wall, 0.50),
                percentile(wall, 0.90),
                percentile(wall, 0.99));
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String report(List<String> rows, int promptLength) {
        Runtime runtime = Runtime.getRuntime();
        return "Java " + System.getProperty("java.version") + ", " + runtime.availableProcessors() + " CPUs, "
                + System.getProperty("os.arch") + "; prompt " + promptLength + " characters; " + WARMUP
                + " warm-up and " + MEASURED + " timed calls per case; load average "
                + String.format(
                        Locale.ROOT,
                        "%.1f",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " (µs)\n\n"
                + "| Case | CPU mean | CPU p50 | wall p50 | wall p90 | wall p99 |\n|---|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n";
    }

    // A support ticket: prose, a stack trace, versions, dates, amounts and order ids; with PII when asked.
    static String twoKilobytes(boolean personal) {
        String contact = personal
                ? "You can reach me at dana.whitfield@example.org or on +44 20 7946 0958. My card 4111 1111 1111 1111 "
                        + "was charged twice; refund to DE89 3704 0044 0532 0130 00. My SSN is 219-09-9999 and the "
                        + "server IP is 203.0.113.42."
                : "You can reach me through the ticket system or the shared channel. My card was charged twice; please "
                        + "refund to the account on file. The server is the usual one in the eu-west region, as before.";
        String text = "Hello team, I am writing about order 20231115-8841 placed on 2024-11-15 for 1,234.50 EUR. "
                + "After upgrading the client library from 1.2.3 to 2.10.4 the nightly export job fails at 02:30:45 UTC "
                + "with the following error:\n\n"
                + "java.lang.IllegalStateException: connection pool exhausted (max 16, waiting 240)\n"
                + "    at com.example.export.Pool.acquire(Pool.java:118)\n"
                + "    at com.example.export.Job.run(Job.java:42)\n\n"
                + contact + "\n\n"
                + "We tried raising the pool size, adding a retry with exponential backoff, and splitting the export "
                + "into batches of 5000 rows, but the job still fails after about 40 minutes. Our monitoring shows the "
                + "database CPU at 35% and the gateway latency p99 at 180 ms, so we do not think the database is the "
                + "bottleneck. Could you explain what changed between these versions, whether the default timeout of "
                + "30s was lowered, and how we should configure the client to keep long exports stable? We also need a "
                + "summary we can forward to our operations team, in plain language, with the steps in order. ";
        StringBuilder prompt = new StringBuilder(text);
        while (prompt.length() < 2_048) {
            prompt.append("Additional context: the job is scheduled by cron, runs in a container with 2 vCPUs and 4 GB "
                    + "of memory, and writes its output to object storage. ");
        }
        return prompt.substring(0, 2_048);
    }
}
