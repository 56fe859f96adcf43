package org.hcp.kit.text;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.hcp.events.ChinaTime;
import org.hcp.events.outcome.Text;
import org.hcp.events.policy.Term;
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
        return new MessageFormat(pattern, locale).format(text.args().stream().map(a -> inWords(a, locale)).toArray());
    }

    /**
     * An argument as a reader reads it: an instant in Beijing time (the API's UTC instants stay in the JSON), a
     * policy's term in words ("5 个工作日", not "5 WORKING_DAYS"); anything else as it is.
     */
    static Object inWords(Object argument, Locale locale) {
        boolean chinese = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        if (argument instanceof Instant instant) {
            return ChinaTime.MINUTES.format(instant) + (chinese ? "（北京时间）" : " Beijing time");
        }
        if (argument instanceof Term term) {
            return switch (term.unit()) {
                case DAYS -> chinese ? term.amount() + " 日" : term.amount() + (term.amount() == 1 ? " day" : " days");
                case WORKING_DAYS -> chinese ? term.amount() + " 个工作日"
                        : term.amount() + (term.amount() == 1 ? " working day" : " working days");
                case MONTHS -> chinese ? term.amount() + " 个月"
                        : term.amount() + (term.amount() == 1 ? " month" : " months");
            };
        }
        return argument;
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
