package dev.accrue.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accrue.bench.data.Arguments;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP ingestion benchmark's load generator: publishes a generated data set's programs to a running
 * server (its partners are loaded before with {@code accrue import partners}), posts the first N events in
 * batches of JSON lines from several clients, and waits until the books have booked them all. Prints the
 * acknowledged rate and the end-to-end rate (earnings booked). See {@code bench/ingest.sh}.
 */
public final class IngestLoad {
    private static final String USAGE = "usage: IngestLoad --url http://localhost:8080/api/v1 --key KEY --data DIR "
            + "[--events 1000000] [--batch 1000] [--clients 4] [--programs publish|skip] [--warmup 0] [--server-pid PID] [--postgres-pid PID]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestLoad() {}

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, USAGE);
        if (arguments == null) System.exit(2);
        String url = arguments.text("url", "http://localhost:8080/api/v1");
        String key = arguments.text("key", null);
        Path data = Path.of(arguments.text("data", null));
        long eventsWanted = arguments.number("events", 1_000_000);
        int batchSize = arguments.integer("batch", 1_000);
        int clients = arguments.integer("clients", 4);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        if (!"skip".equals(arguments.text("programs", "publish"))) publishPrograms(http, url, key, data.resolve("programs"));
        List<String> batches = readBatches(data.resolve("events.jsonl"), eventsWanted, batchSize);
        // Bodies are encoded before the clock starts: a real client's CPU is not on the server's machine.
        List<byte[]> bodies = batches.stream().map(batch -> batch.getBytes(StandardCharsets.UTF_8)).toList();
        long events = batches.stream().mapToLong(b -> b.chars().filter(ch -> ch == '\n').count() + 1).sum();
        long warmup = arguments.number("warmup", 0);
        if (warmup > 0) warmUp(http, url, key, batches, warmup, clients);
        long serverPid = arguments.number("server-pid", 0);
        long postgresPid = arguments.number("postgres-pid", 0);
        long status0 = booked(http, url, key)[1];
        String loadBefore = loadAverage();
        double[] cpu0 = cpu(serverPid, postgresPid);
        java.util.Map<String, Double> threads0 = ProcessCpu.threadSeconds(serverPid);

        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long[] latencies = new long[batches.size()];
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i; (i = next.getAndIncrement()) < batches.size(); ) {
                    long t0 = System.nanoTime();
                    JsonNode reply = post(http, url + "/events", key, bodies.get(i));
                    latencies[i] = System.nanoTime() - t0;
                    accepted.addAndGet(reply.path("accepted").asLong() + reply.path("held").asLong());
                    refused.addAndGet(reply.path("rejected").asLong());
                }
            }));
        }
        for (Thread thread : threads) thread.join();
        double ackSeconds = (System.nanoTime() - started) / 1e9;
        double[] cpuAck = cpu(serverPid, postgresPid);
        while (true) {
            long[] progress = booked(http, url, key);
            if (progress[1] - status0 >= accepted.get() && progress[0] == progress[1]) break;
            Thread.sleep(50);
        }
        double bookedSeconds = (System.nanoTime() - started) / 1e9;
        double[] cpuBooked = cpu(serverPid, postgresPid);
        java.util.Map<String, Double> threadsBooked = ProcessCpu.threadSeconds(serverPid);
        String loadAfter = loadAverage();
        double[] freshness = freshness(http, url, key, batches.get(0));
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%,d events in %,d batches of %,d from %d clients: %,d accepted, %,d refused%n",
                events, batches.size(), batchSize, clients, accepted.get(), refused.get());
        System.out.printf(Locale.ROOT, "acknowledged (durable): %.1f s, %,.0f events/s; batch latency p50 %.1f ms, p99 %.1f ms%n",
                ackSeconds, events / ackSeconds, latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
        System.out.printf(Locale.ROOT, "end to end (earnings booked): %.1f s, %,.0f events/s%n", bookedSeconds, events / bookedSeconds);
        printCpu("CPU until acknowledged", cpu0, cpuAck, events, ackSeconds);
        printCpu("CPU until booked", cpu0, cpuBooked, events, bookedSeconds);
        printThreads(threads0, threadsBooked);
        System.out.printf(Locale.ROOT, "load average (1, 5, 15 min): %s before, %s after%n", loadBefore, loadAfter);
        Arrays.sort(freshness);
        System.out.printf(Locale.ROOT, "one sale on a quiet server, acknowledged to booked: median %.0f ms, max %.0f ms over %d%n",
                freshness[freshness.length / 2], freshness[freshness.length - 1], freshness.length);
    }

    /**
     * Before the clock starts, posts the first {@code events} events again under new ids ({@code warmup-…})
     * and waits until they are booked: the server's JIT compiles the hot paths on them, so the measurement
     * is of a running server rather than of one that is starting. Their earnings stay on the books (the
     * measured events then land in periods that hold twice as much).
     */
    private static void warmUp(HttpClient http, String url, String key, List<String> batches, long events, int clients) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        long taken = 0;
        for (String batch : batches) {
            if (taken >= events) break;
            bodies.add(("\n" + batch).replace("\n{\"id\":\"", "\n{\"id\":\"warmup-").substring(1).getBytes(StandardCharsets.UTF_8));
            taken += batch.chars().filter(ch -> ch == '\n').count() + 1;
        }
        long status0 = booked(http, url, key)[1];
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                    JsonNode reply = post(http, url + "/events", key, bodies.get(i));
                    accepted.addAndGet(reply.path("accepted").asLong() + reply.path("held").asLong());
                }
            }));
        }
        for (Thread thread : threads) thread.join();
        while (true) {
            long[] progress = booked(http, url, key);
            if (progress[1] - status0 >= accepted.get() && progress[0] == progress[1]) break;
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "warm-up: %,d events (ids warmup-…) posted and booked in %.1f s, before the clock (%s)%n",
                taken, (System.nanoTime() - started) / 1e9, java.time.Instant.now());
    }

    /** CPU seconds so far of {server JVM, PostgreSQL (postmaster and children), this load generator}. */
    private static double[] cpu(long serverPid, long postgresPid) {
        return new double[] {serverPid == 0 ? 0 : ProcessCpu.seconds(serverPid), postgresPid == 0 ? 0 : ProcessCpu.treeSeconds(postgresPid),
                ProcessCpu.seconds(ProcessHandle.current().pid())};
    }

    private static void printCpu(String label, double[] from, double[] to, long events, double wallSeconds) {
        double server = to[0] - from[0], postgres = to[1] - from[1], load = to[2] - from[2];
        System.out.printf(Locale.ROOT, "%s: server %.1f s, PostgreSQL %.1f s, load generator %.1f s (per 1,000 events: %.0f / %.0f / %.0f ms; "
                        + "%.2f of 2 cores busy with these three)%n", label, server, postgres, load,
                server * 1e6 / events, postgres * 1e6 / events, load * 1e6 / events, (server + postgres + load) / wallSeconds);
    }

    /** The server's CPU until booked by kind of thread, largest first (those under 0.1 s left out). */
    private static void printThreads(java.util.Map<String, Double> from, java.util.Map<String, Double> to) {
        List<java.util.Map.Entry<String, Double>> spent = new ArrayList<>();
        to.forEach((name, seconds) -> spent.add(java.util.Map.entry(name, seconds - from.getOrDefault(name, 0.0))));
        spent.sort(java.util.Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder line = new StringBuilder("server CPU by thread until booked:");
        for (java.util.Map.Entry<String, Double> entry : spent) {
            if (entry.getValue() >= 0.1) line.append(String.format(Locale.ROOT, " %s %.1f s;", entry.getKey(), entry.getValue()));
        }
        System.out.println(line);
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * How soon a partner sees a sale: posts single sales (copies of the first event under new ids) one at a
     * time and times from the acknowledgement until the books report no lag.
     */
    private static double[] freshness(HttpClient http, String url, String key, String firstBatch) throws Exception {
        JsonNode template = JSON.readTree(firstBatch.lines().findFirst().orElseThrow());
        double[] millis = new double[20];
        for (int i = 0; i < millis.length; i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) template).put("id", "fresh-" + System.nanoTime());
            post(http, url + "/events", key, JSON.writeValueAsBytes(template));
            long acked = System.nanoTime();
            while (true) {
                long[] progress = booked(http, url, key);
                if (progress[0] == progress[1]) break;
                Thread.sleep(2);
            }
            millis[i] = (System.nanoTime() - acked) / 1e6;
        }
        return millis;
    }

    private static void publishPrograms(HttpClient http, String url, String key, Path folder) throws IOException, InterruptedException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
            for (Path file : files) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/programs")).header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofFile(file)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) throw new IllegalStateException(file + ": " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static List<String> readBatches(Path events, long wanted, int batchSize) throws IOException {
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        int inBatch = 0;
        long read = 0;
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String line; read < wanted && (line = reader.readLine()) != null; read++) {
                if (inBatch > 0) batch.append('\n');
                batch.append(line);
                if (++inBatch == batchSize) {
                    batches.add(batch.toString());
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
        }
        if (inBatch > 0) batches.add(batch.toString());
        return batches;
    }

    private static JsonNode post(HttpClient http, String url, String key, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("POST /events: " + response.statusCode() + " " + response.body());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {received, booked} from the books' status. */
    private static long[] booked(HttpClient http, String url, String key) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/books/status")).header("Authorization", "Bearer " + key).GET().build();
        JsonNode status = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (status.hasNonNull("last_error")) throw new IllegalStateException("the books failed: " + status.get("last_error").asText());
        return new long[] {status.path("received").asLong(), status.path("booked").asLong()};
    }
}
