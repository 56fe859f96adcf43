package org.hcp.sync.province;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hcp.events.EventJson;

/** The province profiles shipped in {@code provinces/} (listed in its {@code index.txt}), by id. */
public final class ProvinceProfiles {

    private static final String DIR = "/provinces/";

    private ProvinceProfiles() {
    }

    public static Map<String, ProvinceProfile> shipped() {
        Map<String, ProvinceProfile> profiles = new LinkedHashMap<>();
        try (InputStream index = resource("index.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try (InputStream in = resource(name)) {
                    ProvinceProfile profile = EventJson.mapper().readValue(in, ProvinceProfile.class);
                    profiles.put(profile.id(), profile);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped province profiles", e);
        }
        return profiles;
    }

    /** The shipped profile {@code id}; an unknown id is a configuration error, named. */
    public static ProvinceProfile get(String id) {
        ProvinceProfile profile = shipped().get(id);
        if (profile == null) {
            throw new IllegalArgumentException("no province profile " + id + "; shipped: " + shipped().keySet());
        }
        return profile;
    }

    private static InputStream resource(String name) {
        InputStream in = ProvinceProfiles.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + DIR + name);
        }
        return in;
    }
}
