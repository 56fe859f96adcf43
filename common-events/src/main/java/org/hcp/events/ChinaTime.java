package org.hcp.events;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Beijing time: working days, statistics days and what people read are counted in it unless a policy says otherwise. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An instant as people read it: date and minute, in Beijing time. */
    public static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private ChinaTime() {
    }
}
