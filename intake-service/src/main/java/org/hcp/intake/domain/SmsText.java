package org.hcp.intake.domain;

/**
 * How many billed segments a short message takes (3GPP TS 23.038 / 23.040): GSM 7-bit text fits 160 characters in one
 * segment and 153 in each of several; anything else (Chinese) is UCS-2, 70 in one and 67 in each of several.
 */
public final class SmsText {

    public static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;
    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    /** The GSM 03.38 default alphabet; its extension table (counted twice) is left out: such text goes as UCS-2. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private SmsText() {
    }

    public static int segments(String text) {
        int length = text.length(); // UTF-16 units: a character outside the BMP takes two, as in UCS-2
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0);
        int single = gsm ? GSM_SINGLE : UCS2_SINGLE;
        int part = gsm ? GSM_PART : UCS2_PART;
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
