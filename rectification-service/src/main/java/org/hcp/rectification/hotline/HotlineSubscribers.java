package org.hcp.rectification.hotline;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.events.EventJson;

/**
 * The cities' 12345 platforms that take work orders (docs/hotline.md), from the JSON file named by
 * {@code HCP_HOTLINE_SUBSCRIBERS_FILE}: each with its id, the region it covers, the address work orders go to and the
 * key (base64, at least 32 bytes) that signs both ways: HMAC-SHA256 over the body, in {@code X-HCP-Signature}.
 */
@ApplicationScoped
public class HotlineSubscribers {

    public static final String SIGNATURE = "X-HCP-Signature";
    public static final String SUBSCRIBER = "X-HCP-Subscriber";

    /** One 12345 platform; {@code toString} leaves the key out. */
    public record Subscriber(String id, String regionPrefix, URI url, byte[] key) {

        @Override
        public String toString() {
            return "Subscriber[" + id + ", " + regionPrefix + ", " + url + "]";
        }

        /** {@code sha256=} and the hex HMAC-SHA256 of the body under this subscriber's key. */
        public String sign(byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }

        /** In constant time, as a signature check must be. */
        public boolean signed(byte[] body, String signature) {
            return signature != null && MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                    signature.strip().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private record Entry(String id, String regionPrefix, String url, String key) {
    }

    private final List<Subscriber> subscribers;

    public HotlineSubscribers(@ConfigProperty(name = "hcp.hotline.subscribers-file") Optional<String> file) {
        this.subscribers = file.filter(f -> !f.isBlank() && !"none".equals(f)).map(HotlineSubscribers::read)
                .orElse(List.of());
    }

    static List<Subscriber> read(String file) {
        try {
            List<Entry> entries = EventJson.mapper().readValue(Files.readString(Path.of(file)),
                    new TypeReference<List<Entry>>() { });
            return entries.stream().map(e -> {
                byte[] key = Base64.getDecoder().decode(e.key());
                if (e.id() == null || e.regionPrefix() == null || e.url() == null || key.length < 32) {
                    throw new IllegalArgumentException("a 12345 subscriber needs id, regionPrefix, url and a key of "
                            + "at least 32 bytes (base64): " + e.id());
                }
                return new Subscriber(e.id(), e.regionPrefix(), URI.create(e.url()), key);
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the 12345 subscribers file " + file, e);
        }
    }

    public boolean any() {
        return !subscribers.isEmpty();
    }

    /** The subscriber covering this region: the longest region prefix that matches. */
    public Optional<Subscriber> covering(String regionCode) {
        return subscribers.stream().filter(s -> regionCode.startsWith(s.regionPrefix()))
                .max(Comparator.comparingInt(s -> s.regionPrefix().length()));
    }

    public Optional<Subscriber> byId(String id) {
        return subscribers.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
