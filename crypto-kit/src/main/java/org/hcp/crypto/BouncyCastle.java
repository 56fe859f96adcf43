package org.hcp.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One provider instance, passed to each call rather than installed JVM-wide: nothing else's crypto changes. */
final class BouncyCastle {

    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
