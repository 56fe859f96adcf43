package org.hcp.audit;

/** Key pairs made with openssl for these tests only (`openssl genpkey -algorithm ed25519`, and `EC` on curve SM2). */
final class TestKeys {

    static final String ED25519_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIJEX1QI3BgmvhQEQjAOOUcLmQUscj30ar6IHZOpSHpHs
            -----END PRIVATE KEY-----
            """;
    static final String ED25519_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAvU7lP6SxRuARBSSo89PUffT3iqczKNytONf527nU/3k=
            -----END PUBLIC KEY-----
            """;
    static final String SM2_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgNEICj+k7zKHdMggr
            CWNONvQZzZOt7WLI9F2/iHsHmUuhRANCAARAteGES/rt87jasB+yZucwn366OMfR
            ughyyfgLQgORB8bxTIqlKL+gQBU6shtBfkdiMxVkz13Gy8L7n5MvNw92
            -----END PRIVATE KEY-----
            """;
    static final String SM2_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEQLXhhEv67fO42rAfsmbnMJ9+ujjH
            0boIcsn4C0IDkQfG8UyKpSi/oEAVOrIbQX5HYjMVZM9dxsvC+5+TLzcPdg==
            -----END PUBLIC KEY-----
            """;

    private TestKeys() {
    }
}
