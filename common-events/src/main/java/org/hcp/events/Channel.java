package org.hcp.events;

/**
 * Where a rating comes from (R1.8), each with its national {@code pf} code (R5.5: 1 PC, 2 mobile, 3 QR code,
 * 4 hall pad / rating device, 5 other hall terminal, 6 phone, 7 SMS). This enum is the one place the mapping lives.
 */
public enum Channel {
    WINDOW_DEVICE("窗口评价器", "Window pad", 4),
    QR_CODE("二维码", "QR code", 3),
    WEBSITE("政务服务网", "Website", 1),
    MOBILE_APP("移动端应用", "Mobile app", 2),
    MINI_PROGRAM("小程序/公众号", "Mini program", 2),
    SELF_SERVICE_TERMINAL("自助终端", "Kiosk", 5),
    HOTLINE_12345("12345热线", "12345 hotline", 6),
    SMS("短信", "SMS", 7),
    // Transcribed by hall staff from the 书面评价表: GB/T 39046 has no paper code, the hall's other terminal fits.
    PAPER_FORM("书面评价表", "Paper form", 5),
    PHONE_CALLBACK("电话回访", "Phone callback", 6),
    // The rest of R1.8's list: a slip in the hall's box is transcribed like a paper form; the leader mailbox is a
    // page of the government website; a third-party assessor's survey has no code of its own ("other terminal").
    SUGGESTION_BOX("意见箱", "Suggestion box", 5),
    LEADER_MAILBOX("领导信箱", "Leader mailbox", 1),
    THIRD_PARTY_ASSESSMENT("第三方评估", "Third-party assessment", 5),
    // R1.9: a default rating is made by the system, never by an evaluator; RatingOrigin.DEFAULT_RATING marks it too.
    // GB/T 39046 has no code for it: "other terminal" here; province sync maps it per province (one uses 7).
    SYSTEM_DEFAULT("系统默认评价", "System default", 5);

    private final String chineseName;
    private final String englishName;
    private final int nationalPf;

    Channel(String chineseName, String englishName, int nationalPf) {
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.nationalPf = nationalPf;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The name in an English translation (a bulletin's English edition). */
    public String englishName() {
        return englishName;
    }

    /** R5.5: the {@code pf} code of the provincial/national push interface. */
    public int nationalPf() {
        return nationalPf;
    }

    /** The channels an evaluator rates through (every one but the system's default rating). */
    public static java.util.List<Channel> evaluatorChannels() {
        return java.util.Arrays.stream(values()).filter(c -> c != SYSTEM_DEFAULT).toList();
    }

    /** Null when the name is not a channel, so callers can answer with their own error. */
    public static Channel parse(String name) {
        if (name == null) {
            return null;
        }
        for (Channel channel : values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        return null;
    }
}
