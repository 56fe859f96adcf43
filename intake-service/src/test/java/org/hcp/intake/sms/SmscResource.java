package org.hcp.intake.sms;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.hcp.localstack.DevSmsc;

/** Starts jSMPP's SMSC for a test class and points intake's SMPP session at it; the test drives the sender's rounds. */
public class SmscResource implements QuarkusTestResourceLifecycleManager {

    static volatile DevSmsc smsc;

    @Override
    public Map<String, String> start() {
        smsc = DevSmsc.start();
        return Map.of("hcp.sms.smpp.host", "127.0.0.1", "hcp.sms.smpp.port", Integer.toString(smsc.port()),
                "hcp.sms.sender.enabled", "false");
    }

    @Override
    public void stop() {
        if (smsc != null) {
            smsc.close();
        }
    }
}
