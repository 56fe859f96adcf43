package org.hcp.reporting.publication;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CJK TrueType font bulletins are drawn with: the first of {@code hcp.bulletin.pdf-fonts} that exists.
 * {@code ./hcp} installs Debian's {@code fonts-wqy-microhei}, and so does the service's image. The PDF embeds it (only
 * the glyphs used); the charts draw their Chinese labels with it, whatever fonts the machine's Java finds.
 */
@ApplicationScoped
public class CjkFont {

    private final List<String> fonts;
    private volatile java.awt.Font awt;

    public CjkFont(@ConfigProperty(name = "hcp.bulletin.pdf-fonts") List<String> fonts) {
        this.fonts = fonts;
    }

    /** The font file, as OpenPDF names it: of a collection (.ttc), its first font. */
    public Optional<String> pdfPath() {
        return file().map(f -> f.toLowerCase(Locale.ROOT).endsWith(".ttc") ? f + ",0" : f);
    }

    /** The font for Java2D (the charts), loaded once; empty when no configured font exists. */
    public Optional<java.awt.Font> awt() {
        if (awt == null) {
            Optional<String> file = file();
            if (file.isEmpty()) {
                return Optional.empty();
            }
            try {
                awt = java.awt.Font.createFonts(Path.of(file.get()).toFile())[0];
            } catch (IOException | java.awt.FontFormatException e) {
                throw new IllegalStateException("unreadable font " + file.get(), e);
            }
        }
        return Optional.of(awt);
    }

    private Optional<String> file() {
        return fonts.stream().map(String::strip).filter(f -> Files.isReadable(Path.of(f))).findFirst();
    }
}
