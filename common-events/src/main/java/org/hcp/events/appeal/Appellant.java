package org.hcp.events.appeal;

/** R3.1: who received the bad review and appeals it, through its department. */
public enum Appellant {
    /** The institution (政务服务机构) that handled the case. */
    INSTITUTION,
    /** The platform (政务服务平台) it was handled on. */
    PLATFORM,
    /** The staff member (工作人员) who served. */
    STAFF
}
