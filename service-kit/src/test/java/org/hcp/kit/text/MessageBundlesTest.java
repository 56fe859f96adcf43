package org.hcp.kit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hcp.events.policy.Term;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hcp.events.outcome.Text;
import org.junit.jupiter.api.Test;

/**
 * Every service's user-facing texts are complete in both languages: the same keys in zh-CN and en, the same
 * arguments in each, and every key the code names has a text. Reads the bundles and sources of every module.
 */
class MessageBundlesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyBundleHasTheSameKeysAndArgumentsInChineseAndEnglish() throws IOException {
        List<Path> bundles = zhBundles();
        assertTrue(bundles.size() >= 3, "kit, intake and reporting bundles, found " + bundles);
        for (Path zhFile : bundles) {
            Path enFile = Path.of(zhFile.toString().replace("_zh_CN.properties", "_en.properties"));
            Map<String, String> zh = load(zhFile);
            Map<String, String> en = load(enFile);
            assertEquals(zh.keySet(), en.keySet(), zhFile + " and " + enFile + " differ in keys");
            for (String key : zh.keySet()) {
                assertEquals(arguments(zh.get(key)), arguments(en.get(key)), key + " in " + zhFile);
            }
        }
    }

    @Test
    void everyMessageKeyTheCodeNamesHasAText() throws IOException {
        Map<String, String> kit =
                load(ROOT.resolve("service-kit/src/main/resources/i18n/kit-messages_zh_CN.properties"));
        Set<String> prefixes = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Path zhFile : zhBundles()) {
            load(zhFile).keySet().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        }
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                Path own = module.resolve("src/main/resources/i18n/messages_zh_CN.properties");
                Map<String, String> texts = new TreeMap<>(kit);
                if (Files.exists(own)) {
                    texts.putAll(load(own));
                }
                for (String key : keysNamedIn(module.resolve("src/main/java"), prefixes)) {
                    if (!texts.containsKey(key)) {
                        missing.add(module.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "message keys without a text: " + missing);
    }

    @Test
    void aTextIsRenderedInTheReadersLanguageWithItsArguments() {
        Text text = Text.of("query.regionPrefix");
        assertEquals("行政区划代码前缀须为 2 至 12 位数字", Messages.render(text, Messages.ZH));
        assertEquals("region must be a code prefix of 2-12 digits", Messages.render(text, Messages.EN));
        assertEquals("The body is not valid JSON (line 1000, column 2)",
                Messages.render("json.invalid", Messages.EN, 1000, 2));
        assertEquals(Messages.EN, Messages.choose(List.of(java.util.Locale.forLanguageTag("en-GB"))));
        assertEquals(Messages.ZH, Messages.choose(List.of(java.util.Locale.FRENCH)));
        assertFalse(Messages.render("no.suchKey", Messages.EN).isBlank());
    }

    private static List<Path> zhBundles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 6)) {
            return files.filter(p -> p.toString().contains("src/main/resources/i18n/"))
                    .filter(p -> p.getFileName().toString().endsWith("_zh_CN.properties")).sorted().toList();
        }
    }

    private static Set<String> keysNamedIn(Path sources, Set<String> prefixes) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (prefixes.contains(key.substring(0, key.indexOf('.'))) && !key.startsWith("page.")) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    @Test
    void anInstantIsInBeijingTimeAndATermInWordsInTheReadersLanguage() {
        Instant due = Instant.parse("2025-10-09T02:00:00Z");
        assertEquals("2025-10-09 10:00（北京时间）", Messages.inWords(due, Messages.ZH));
        assertEquals("2025-10-09 10:00 Beijing time", Messages.inWords(due, Messages.EN));
        assertEquals("5 个工作日",
                Messages.inWords(Term.workingDays(5), Messages.ZH));
        assertEquals("1 working day",
                Messages.inWords(Term.workingDays(1), Messages.EN));
        assertEquals("6 个月", Messages.inWords(Term.months(6),
                Messages.ZH));
        assertEquals(42, Messages.inWords(42, Messages.EN));
        // Text.of keeps an instant and a term as they are; a caller's value is a string and is said back as it
        // came, even shaped like either (the intake fuzz found a 500 when such strings were read back)
        assertEquals(List.of(due, Term.workingDays(2), "2025-13-01T00:00:00Z", "2 WORKING_DAYS", "7"),
                Text.of("k", due, Term.workingDays(2), "2025-13-01T00:00:00Z", "2 WORKING_DAYS", 7).args());
        assertEquals("2025-13-01T00:00:00Z", Messages.inWords("2025-13-01T00:00:00Z", Messages.ZH));
        assertEquals("2025-10-09T02:00:00Z", Messages.inWords("2025-10-09T02:00:00Z", Messages.ZH));
        assertEquals("2 WORKING_DAYS", Messages.inWords("2 WORKING_DAYS", Messages.EN));
    }
}
