package org.hcp.reporting.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters the figure endpoints share (R4.2), read as query parameters ({@code @BeanParam}): a region prefix, an
 * institution, at most one of window, staff, platform, item and channel, and a period.
 */
public class Filters {

    @QueryParam("region")
    @Parameter(description = "region code prefix, 2 to 12 digits (GB/T 2260), rolled up")
    String region;

    @QueryParam("institution")
    @Parameter(description = "institution code")
    String institution;

    @QueryParam("window")
    String window;

    @QueryParam("staff")
    String staff;

    @QueryParam("platform")
    String platform;

    @QueryParam("item")
    @Parameter(description = "service item code")
    String item;

    @QueryParam("channel")
    @Parameter(description = "channel, e.g. WINDOW_DEVICE or SMS")
    String channel;

    @QueryParam("from")
    @Parameter(description = "first day, YYYY-MM-DD (Asia/Shanghai)")
    String from;

    @QueryParam("to")
    @Parameter(description = "last day, YYYY-MM-DD (Asia/Shanghai)")
    String to;

    /** Region, institution and period only: for the endpoints that take no dimension member. */
    static Filters scope(String region, String institution, String from, String to) {
        Filters f = new Filters();
        f.region = region;
        f.institution = institution;
        f.from = from;
        f.to = to;
        return f;
    }
}
