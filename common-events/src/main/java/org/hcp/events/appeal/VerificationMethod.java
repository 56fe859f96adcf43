package org.hcp.events.appeal;

/** R3.3: how the bureau checks an appeal. */
public enum VerificationMethod {
    /** 抽查 */
    SPOT_CHECK,
    /** 调阅档案 */
    FILE_REVIEW,
    /** 实地察看 */
    SITE_VISIT,
    /** 电话回访 */
    PHONE_CALLBACK
}
