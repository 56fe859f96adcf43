package org.hcp.kit.text;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.hcp.events.outcome.Text;
import org.jboss.logging.Logger;

/**
 * Renders {@link Text}s from the message bundles: each service's {@code i18n/messages_zh_CN|en.properties}, then the
 * kit's {@code i18n/kit-messages_*}. Chinese is the product's language; English is for whoever asks for it.
 */
public final class Messages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<String> BUNDLES = List.of("i18n/messages", "i18n/kit-messages");

    private static final Logger LOG = Logger.getLogger(Messages.class);
    // No fallback to the JVM's default locale: the answer's language must not depend on the host's settings.
    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The first of the reader's languages we have; Chinese when none is stated or none matches. */
    public static Locale choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("zh")) {
                return ZH;
            }
            if (locale.getLanguage().equals("en")) {
                return EN;
            }
        }
        return ZH;
    }

    public static String render(Text text, Locale locale) {
        String pattern = pattern(text.key(), locale);
        if (pattern == null) {
            LOG.warnf("no text for message key %s in %s", text.key(), locale);
            return text.key() + (text.args().isEmpty() ? "" : " " + text.args());
        }
        return new MessageFormat(pattern, locale).format(text.args().toArray());
    }

    public static String render(String key, Locale locale, Object... args) {
        return render(Text.of(key, args), locale);
    }

    /** The pattern for a key, or null; public for the test that holds the bundles complete. */
    public static String pattern(String key, Locale locale) {
        for (String name : BUNDLES) {
            ResourceBundle bundle = bundle(name, locale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    public static ResourceBundle bundle(String name, Locale locale) {
        Locale exact = locale.getLanguage().equals("en") ? EN : ZH;
        try {
            return ResourceBundle.getBundle(name, exact, Thread.currentThread().getContextClassLoader() == null
                    ? Messages.class.getClassLoader() : Thread.currentThread().getContextClassLoader(), EXACT);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
