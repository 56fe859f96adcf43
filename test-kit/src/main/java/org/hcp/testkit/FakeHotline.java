package org.hcp.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A city's 12345 platform for tests (docs/hotline.md), like sync's FakeProvince: a real HTTP server on localhost that
 * checks each work order's HMAC signature, keeps each work order once by its id, counts every delivery, and can
 * answer 503 to the next ones. It signs its own replies with the same key.
 */
public final class FakeHotline implements AutoCloseable {

    public static final String ID = "test-12345";

    private final HttpServer server;
    private final byte[] key = new byte[32];
    private final Map<String, String> workOrders = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> deliveries = Collections.synchronizedList(new ArrayList<>());
    private final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger fail = new AtomicInteger();

    public FakeHotline() {
        new SecureRandom().nextBytes(key);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake 12345 platform", e);
        }
        server.createContext("/work-orders", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/work-orders";
    }

    public String keyBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    public void failNext(int n) {
        fail.set(n);
    }

    /** Work order id → its body, each once. */
    public Map<String, String> workOrders() {
        synchronized (workOrders) {
            return Map.copyOf(workOrders);
        }
    }

    /** Every delivery's work order id, retries and repeats included. */
    public List<String> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public List<String> badSignatures() {
        synchronized (badSignatures) {
            return List.copyOf(badSignatures);
        }
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (!sign(body).equals(exchange.getRequestHeaders().getFirst("X-HCP-Signature"))) {
            badSignatures.add(String.valueOf(id));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        deliveries.add(id);
        if (fail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        workOrders.putIfAbsent(id, new String(body, StandardCharsets.UTF_8));
        byte[] answer = ("{\"accepted\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
