package org.hcp.events;

/** R1.11: what can be rated, and where it sits. */
public enum DirectoryKind {
    /** 行政区划, GB/T 2260; the hierarchy follows the code. */
    REGION,
    /** 政务服务事项, national catalogue code. */
    ITEM,
    /** 政务服务机构: centre, township station, village room, department sub-hall. */
    INSTITUTION,
    /** 窗口 of an institution. */
    WINDOW,
    /** 政务服务平台: business system, 12345 platform, app, self-service terminal. */
    PLATFORM,
    /** 工作人员 of an institution. */
    STAFF,
    /**
     * A rating device of an institution (R1.8): a window rating pad (attribute {@code channel=WINDOW_DEVICE} with its
     * {@code windowCode}) or a self-service kiosk ({@code channel=SELF_SERVICE_TERMINAL}). The code is the device id.
     */
    DEVICE
}
