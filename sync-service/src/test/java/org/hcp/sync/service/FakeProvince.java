package org.hcp.sync.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.hcp.crypto.Keys;
import org.hcp.events.EventJson;
import org.hcp.sync.province.ProvinceEnvelope;

/**
 * A provincial platform for tests (R5.2, docs/sync.md): a real HTTP server on localhost that checks the sender's SM2
 * signature, decrypts the batch with its own SM2 key, keeps each batch once by its id, and answers as told: accept,
 * fail with a 503, or accept and then not answer in time (the acknowledgement lost).
 */
public final class FakeProvince implements AutoCloseable {

    public enum Mode { ACCEPT, FAIL, ACCEPT_BUT_TIME_OUT }

    private final HttpServer server;
    private final KeyPair own;
    private final KeyPair sender;
    private volatile Mode mode = Mode.ACCEPT;
    private final Map<String, JsonNode> batches = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

    public FakeProvince() {
        try {
            own = Keys.newPair(Keys.SM2);
            sender = Keys.newPair(Keys.SM2);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the fake province", e);
        }
        server.createContext("/evaluate", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evaluate";
    }

    /** The province's SM2 public key (what the platform encrypts for), base64 X.509. */
    public String provinceKey() {
        return Base64.getEncoder().encodeToString(own.getPublic().getEncoded());
    }

    /** The platform's SM2 key pair this province trusts: the private half is the platform's signing key. */
    public String senderPrivateKey() {
        return Base64.getEncoder().encodeToString(sender.getPrivate().getEncoded());
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Every batch kept, by id: a batch sent again is kept once. */
    public Map<String, JsonNode> batches() {
        synchronized (batches) {
            return new LinkedHashMap<>(batches);
        }
    }

    /** The batch id of every delivery that arrived, repeats included. */
    public List<String> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Why a delivery was refused (a bad signature, an undecryptable body). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ProvinceEnvelope.Body body = EventJson.mapper().readValue(exchange.getRequestBody(),
                    ProvinceEnvelope.Body.class);
            String params;
            try {
                params = ProvinceEnvelope.open(body, sender.getPublic(), own.getPrivate());
            } catch (IllegalArgumentException e) {
                refusals.add(e.getMessage());
                answer(exchange, 400, "{\"code\":\"401\",\"msg\":\"bad signature\"}");
                return;
            }
            String batchId = body.txnBodyCom().batchId();
            deliveries.add(batchId);
            Mode now = mode;
            if (now == Mode.FAIL) {
                answer(exchange, 503, "{\"code\":\"503\",\"msg\":\"维护中\"}");
                return;
            }
            JsonNode batch = EventJson.mapper().readTree(params);
            batches.putIfAbsent(batchId, batch);
            if (now == Mode.ACCEPT_BUT_TIME_OUT) {
                Thread.sleep(5_000);
            }
            answer(exchange, 200, "{\"code\":\"0\",\"batchId\":\"" + batchId + "\",\"accepted\":"
                    + (batch.path("evaluate").size() + batch.path("projects").size()
                    + batch.path("statusChanges").size()) + "}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
