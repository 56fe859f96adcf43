package org.hcp.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The written conventions hold (issue 27): every document section that code or documents cite exists, every link
 * between documents lands, and every rule of docs/rules.md is cited by a test or listed there as not implemented,
 * with why. Plain files only, so it runs in a second.
 */
class DocsTest {

    private static final Path ROOT = Path.of(System.getProperty("hcp.root", "..")).toAbsolutePath().normalize();
    /** {@code docs/architecture.md, "Reading"}, {@code docs/events.md "Watermarks"}. */
    private static final Pattern SECTION = Pattern.compile("docs/([a-z-]+\\.md),? \"([^\"]{1,80})\"");
    /** A Markdown link to a file of the project, with an optional anchor: {@code [text](events.md#watermarks)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s:]*\\.md)?(#[^)\\s]+)?\\)");
    private static final Pattern RULE = Pattern.compile("^- \\*\\*(R\\d+\\.\\d+)\\*\\*", Pattern.MULTILINE);

    @Test
    void everySectionCitedInCodeOrDocumentsExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            Matcher m = SECTION.matcher(Files.readString(file));
            while (m.find()) {
                Path doc = ROOT.resolve("docs").resolve(m.group(1));
                // A name may run over a line of a comment: "Background\n     * workers".
                String name = m.group(2).replaceAll("\\s*\\n\\s*(\\*|//|#)?\\s*", " ");
                if (!Files.exists(doc) || !cites(headings(doc), name)) {
                    missing.add(ROOT.relativize(file) + ": docs/" + m.group(1) + ", \"" + name + "\"");
                }
            }
        }
        assertEquals(List.of(), missing, "cited sections that do not exist");
    }

    @Test
    void everyLinkBetweenDocumentsLands() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdown()) {
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(1) == null && m.group(2) == null) {
                    continue;
                }
                Path target = m.group(1) == null ? file : file.getParent().resolve(m.group(1)).normalize();
                if (!Files.exists(target)) {
                    broken.add(ROOT.relativize(file) + ": " + m.group());
                } else if (m.group(2) != null && !anchors(target).contains(m.group(2).substring(1))) {
                    broken.add(ROOT.relativize(file) + ": " + m.group() + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "links that do not land");
    }

    @Test
    void everyRuleIsCitedByATestOrListedAsNotImplemented() throws IOException {
        String rules = Files.readString(ROOT.resolve("docs/rules.md"));
        Set<String> defined = new TreeSet<>();
        RULE.matcher(rules).results().forEach(r -> defined.add(r.group(1)));
        assertTrue(defined.size() >= 40, "rules read from docs/rules.md: " + defined);
        int notImplemented = rules.indexOf("\n## Not implemented");
        Set<String> listed = new TreeSet<>();
        if (notImplemented >= 0) {
            RULE.matcher(rules.substring(notImplemented)).results().forEach(r -> listed.add(r.group(1)));
        }
        Set<String> cited = new TreeSet<>();
        Pattern id = Pattern.compile("\\b[Rr](\\d+)[._](\\d+)(?!\\d)");
        for (Path test : tests()) {
            id.matcher(Files.readString(test)).results().forEach(r -> cited.add("R" + r.group(1) + "." + r.group(2)));
        }
        Set<String> uncited = defined.stream().filter(r -> !cited.contains(r) && !listed.contains(r))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), uncited, "rules no test cites and docs/rules.md does not list as not implemented");
    }

    /**
     * A section is cited by its heading or the heading's first words: "Reading" for "Reading: the projection
     * contract", "Access" for "Access (R6.1)", "Where the time went" for "Where the time went, and what changed".
     */
    private static boolean cites(Set<String> headings, String name) {
        return headings.stream().anyMatch(h -> h.equals(name) || h.startsWith(name + ":") || h.startsWith(name + " (")
                || h.startsWith(name + ","));
    }

    /** Headings of a Markdown file, as written (without the #s). */
    private static Set<String> headings(Path doc) throws IOException {
        return Files.readAllLines(doc).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").strip()).collect(Collectors.toSet());
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path doc) throws IOException {
        return headings(doc).stream().map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-')).collect(Collectors.toSet());
    }

    private static List<Path> sources() throws IOException {
        return files(p -> p.matches(".*\\.(java|md|properties|sql|html|js|css|yml|yaml)$") || p.endsWith("/hcp"));
    }

    private static List<Path> markdown() throws IOException {
        return files(p -> p.endsWith(".md"));
    }

    private static List<Path> tests() throws IOException {
        return files(p -> p.contains("/src/test/") && p.endsWith(".java"));
    }

    private static List<Path> files(java.util.function.Predicate<String> keep) throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> {
                        String s = ROOT.relativize(p).toString().replace('\\', '/');
                        return !s.startsWith(".") && !s.contains("/.") && !s.contains("target/")
                                && !s.contains("node_modules/") && keep.test("/" + s);
                    })
                    .toList();
        }
    }
}
