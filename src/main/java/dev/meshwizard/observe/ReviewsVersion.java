package dev.meshwizard.observe;

import java.util.Locale;

/**
 * Which version of Bookinfo's reviews service produced a product page, read from the page itself: v1 shows reviews
 * without stars, v2 black stars, v3 red stars.
 */
public enum ReviewsVersion {
    V1("v1 (no stars)"),
    V2("v2 (black stars)"),
    V3("v3 (red stars)"),
    /** The page says the reviews could not be fetched. */
    UNAVAILABLE("reviews unavailable"),
    /** Not a Bookinfo product page, or no page at all. */
    UNKNOWN("not a product page");

    private final String label;

    ReviewsVersion(String label) {
        this.label = label;
    }

    /** A label for lists and summaries, e.g. "v2 (black stars)". */
    public String label() {
        return label;
    }

    /** Reads the version from a product page's HTML; {@link #UNKNOWN} for anything else, including null. */
    public static ReviewsVersion detect(String html) {
        if (html == null || html.isEmpty()) {
            return UNKNOWN;
        }
        String page = html.toLowerCase(Locale.ROOT);
        boolean stars = page.contains("glyphicon-star");
        if (stars && page.matches("(?s).*<font color=\"red\">.*")) {
            return V3;
        }
        if (stars && page.matches("(?s).*<font color=\"black\">.*")) {
            return V2;
        }
        if (page.contains("product reviews are currently unavailable")) {
            return UNAVAILABLE;
        }
        if (page.contains("<blockquote")) {
            return V1;
        }
        return UNKNOWN;
    }
}
