package org.hcp.events;

import java.time.ZoneId;

/** Beijing time: working days, statistics days and what people read are counted in it unless a policy says otherwise. */
public final class ChinaTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }
}
