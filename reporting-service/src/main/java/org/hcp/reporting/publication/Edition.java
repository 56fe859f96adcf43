package org.hcp.reporting.publication;

/** A bulletin's edition: the public Chinese one, and its English translation (never interleaved). */
public enum Edition {
    ZH("zh-CN"), EN("en");

    private final String lang;

    Edition(String lang) {
        this.lang = lang;
    }

    /** The BCP 47 tag of the page's {@code lang}. */
    public String lang() {
        return lang;
    }

    /** {@code zh} for the Chinese edition, {@code en} for the English one. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }

    /** The edition a query parameter asks for: {@code en}, else Chinese. */
    public static Edition of(String lang) {
        return lang != null && lang.trim().equalsIgnoreCase("en") ? EN : ZH;
    }
}
