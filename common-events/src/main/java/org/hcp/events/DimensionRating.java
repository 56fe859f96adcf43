package org.hcp.events;

import java.util.List;

/** R1.2: a business or service rating beside the overall one, with optional tags and text. */
public record DimensionRating(Dimension dimension, int level, List<String> tags, String text) {

    public DimensionRating {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
