package org.hcp.events.bulletin;

/** R4.3: a monthly bulletin is published per county, district or development zone, and per institution. */
public enum BulletinScope {
    /** A county-level division (GB/T 2260, 6 digits): its figures, its institutions ranked. */
    REGION,
    /** One institution: its figures, its staff ranked. */
    INSTITUTION
}
