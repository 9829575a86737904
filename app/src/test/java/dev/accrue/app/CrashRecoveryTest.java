package dev.accrue.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accrue.postgres.Database;
import dev.accrue.postgres.TestDatabases;
import dev.accrue.postgres.ledger.LedgerVerification;
import dev.accrue.postgres.ledger.LedgerVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server is a child process, killed with SIGKILL while several clients are ingesting, then started
 * again on the same database: every event it acknowledged is there exactly once, the books catch up with
 * every stored event, and the ledger verifies.
 */
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTNERS = 12;
    private static final int CLIENTS = 3;
    private static final int BATCH = 200;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code accrue serve} on the test's classpath, as a child process. */
    private static final class ServerProcess implements AutoCloseable {
        final Process process;
        final String baseUrl;
        final StringBuilder output = new StringBuilder();
        volatile String key;

        ServerProcess(String jdbcUrl) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.accrue.app.Main", "serve",
                    "--db", jdbcUrl, "--port", Integer.toString(port), "--close-every", "PT1H")
                    .redirectErrorStream(true).start();
            baseUrl = "http://localhost:" + port + "/api/v1";
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        int at = line.indexOf("shown only this once: ");
                        if (at >= 0) key = line.substring(at + "shown only this once: ".length()).trim();
                    }
                } catch (IOException e) {
                    // the process died: that is the point of the test
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!listening()) {
                if (!process.isAlive() || System.nanoTime() > deadline) throw new AssertionError("the server did not start:\n" + output);
                Thread.sleep(100);
            }
        }

        boolean listening() {
            synchronized (output) {
                return output.indexOf("Accrue is listening") >= 0;
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void aServerKilledWhileIngestingKeepsEveryAcknowledgedEventOnceAndItsLedgerVerifies() throws Exception {
        String jdbcUrl = TestDatabases.freshUrl();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String key;
        try (ServerProcess first = new ServerProcess(jdbcUrl)) {
            while (first.key == null) Thread.sleep(20);
            key = first.key;
            for (int p = 0; p < PARTNERS; p++) {
                assertThat(send(first.baseUrl, "POST", "/partners", key, "application/json", """
                        {"id": "p%d", "name": "Partner %d", "type": "distributor", "attributes": {"map_compliant": true, "payment_terms_days": 30}}"""
                        .formatted(p, p)).statusCode()).isEqualTo(201);
            }
            String program = Files.readString(Path.of("../examples/programs/distributor-growth-rebate.yaml"));
            assertThat(send(first.baseUrl, "POST", "/programs", key, "application/yaml", program).statusCode()).isEqualTo(201);

            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger batchesAcked = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(Thread.ofPlatform().start(() -> {
                    // Overlapping: client c sends batch b with ids b*BATCH/2 ... so neighbouring clients resend each other's events.
                    for (int b = 0; !killed.get(); b++) {
                        List<String> ids = new ArrayList<>();
                        StringBuilder body = new StringBuilder();
                        for (int i = 0; i < BATCH; i++) {
                            int n = (b * CLIENTS + client) * (BATCH / 2) + i;
                            String id = "e" + n;
                            ids.add(id);
                            body.append(sale(id, n)).append('\n');
                        }
                        try {
                            HttpResponse<String> response = send(first.baseUrl, "POST", "/events", key, "application/x-ndjson", body.toString());
                            if (response.statusCode() == 200) {
                                acknowledged.addAll(ids);
                                batchesAcked.incrementAndGet();
                            }
                        } catch (IOException | RuntimeException e) {
                            return; // the server is gone
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            while (batchesAcked.get() < 30) Thread.sleep(5);
            first.kill();
            killed.set(true);
            for (Thread client : clients) client.join();
        }
        assertThat(acknowledged).hasSizeGreaterThan(30 * BATCH / 2);

        try (ServerProcess second = new ServerProcess(jdbcUrl)) {
            JsonNode status;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            do {
                status = JSON.readTree(send(second.baseUrl, "GET", "/books/status", key, null, null).body());
                Thread.sleep(100);
            } while (status.get("lag").asLong() > 0 && System.nanoTime() < deadline);
            assertThat(status.get("last_error").isNull()).as("booking after the restart: %s", status).isTrue();

            try (Database database = Database.external(jdbcUrl, null, null)) {
                long stored = database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM events WHERE id = ANY(:ids)")
                        .bindArray("ids", String.class, acknowledged.toArray(String[]::new)).mapTo(Long.class).one());
                assertThat(stored).as("every acknowledged event is stored").isEqualTo(acknowledged.size());
                long distinct = database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(DISTINCT id) = count(*) FROM events")
                        .mapTo(Boolean.class).one()) ? 1 : 0;
                assertThat(distinct).as("each once").isEqualTo(1);

                LedgerVerification verification = new LedgerVerifier(database.dataSource()).verify();
                assertThat(verification.differences()).as(verification.summary()).isEmpty();
                assertThat(verification.transfers()).as("earnings were booked").isPositive();
            }
            // What the ledger holds pending is what the engine computes from every stored event.
            BigDecimal provisional = BigDecimal.ZERO;
            for (JsonNode line : JSON.readTree(send(second.baseUrl, "GET", "/earnings", key, null, null).body()).get("items")) {
                BigDecimal amount = new BigDecimal(line.get("amount").asText());
                if (line.get("status").asText().equals("provisional") && amount.signum() > 0) provisional = provisional.add(amount);
            }
            BigDecimal pending = BigDecimal.ZERO;
            for (JsonNode row : JSON.readTree(send(second.baseUrl, "GET", "/liability", key, null, null).body()).get("items")) {
                pending = pending.add(new BigDecimal(row.get("pending").asText()));
            }
            assertThat(pending).isPositive().isEqualByComparingTo(provisional);
        }
    }

    private static String sale(String id, int n) {
        int partner = n % PARTNERS;
        String at = java.time.Instant.parse("2026-10-01T00:00:00Z").plusSeconds(n * 37L % (45 * 86_400)).toString();
        return """
                {"id":"%s","type":"sale","occurred_at":"%s","partner":"p%d","data":{"line_id":"L-%s","product_family":"%s","net_amount":"%d.%02d","currency":"USD","quantity":%d}}"""
                .formatted(id, at, partner, id, n % 3 == 0 ? "pumps" : "valves", 100 + n % 9000, n % 100, 1 + n % 5).strip();
    }

    private HttpResponse<String> send(String baseUrl, String method, String path, String key, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + key);
        if (contentType != null) request.header("Content-Type", contentType);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
