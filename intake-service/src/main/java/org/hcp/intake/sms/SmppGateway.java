package org.hcp.intake.sms;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hcp.intake.service.SmsInbound;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * intake's SMPP 3.4 session with the operator's (or SMS provider's) SMSC, through jSMPP: one transceiver bind that
 * sends {@code submit_sm} and takes {@code deliver_sm} (an evaluator's reply, or a delivery receipt). Off unless
 * {@code hcp.sms.smpp.host} is set. A mobile number passes through here only as an argument, never kept or logged.
 */
@ApplicationScoped
public class SmppGateway implements MessageReceiverListener {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class);
    /** UCS-2 bytes that fit one short_message; a longer text rides in message_payload. */
    private static final int SHORT_MESSAGE_BYTES = 140;

    /** The SMSC was not reached or refused the message: it did not go out, and may be tried again. */
    public static final class NotSent extends Exception {
        NotSent(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** The SMSC may have the message (no answer to the submit): sending it again could send it twice. */
    public static final class Uncertain extends Exception {
        Uncertain(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final String host;
    private final int port;
    private final String systemId;
    private final String password;
    private final String sourceAddress;
    private final Instance<SmsInbound> inbound;
    private SMPPSession session;
    private boolean reachable = true;

    public SmppGateway(@ConfigProperty(name = "hcp.sms.smpp.host") String host,
            @ConfigProperty(name = "hcp.sms.smpp.port") int port,
            @ConfigProperty(name = "hcp.sms.smpp.system-id") String systemId,
            @ConfigProperty(name = "hcp.sms.smpp.password") String password,
            @ConfigProperty(name = "hcp.sms.smpp.source-address") String sourceAddress, Instance<SmsInbound> inbound) {
        this.host = host;
        this.port = port;
        this.systemId = systemId;
        this.password = password;
        this.sourceAddress = sourceAddress;
        this.inbound = inbound;
    }

    public boolean configured() {
        return host != null && !host.isBlank() && !"none".equals(host);
    }

    /** Sends one message; answers the SMSC's message id. */
    public synchronized String submit(String mobile, String text) throws NotSent, Uncertain {
        SMPPSession bound = bound();
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        boolean fits = ucs2.length <= SHORT_MESSAGE_BYTES;
        DataCoding coding = new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false);
        try {
            return bound.submitShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, sourceAddress,
                    TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, mobile, new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding,
                    (byte) 0, fits ? ucs2 : new byte[0], fits ? new OptionalParameter[0]
                            : new OptionalParameter[] {new OptionalParameter.Message_payload(ucs2)}).getMessageId();
        } catch (NegativeResponseException refused) {
            throw new NotSent("the SMSC refused it: command status 0x" + Integer.toHexString(refused.getCommandStatus()),
                    refused);
        } catch (PDUException invalid) {
            throw new NotSent("not a valid submit_sm: " + invalid.getMessage(), invalid);
        } catch (ResponseTimeoutException | InvalidResponseException | IOException unanswered) {
            close();
            throw new Uncertain("no answer from the SMSC to the submit: " + unanswered.getClass().getSimpleName(),
                    unanswered);
        }
    }

    /**
     * Binds if not bound, so that the evaluators' replies and the receipts arrive even while there is nothing to send;
     * an SMSC out of reach is said once when it goes, once when it is back.
     */
    public synchronized void keepBound() {
        boolean was = reachable;
        try {
            bound();
            reachable = true;
            if (!was) {
                LOG.infof("the SMSC at %s:%d is reachable", host, port);
            }
        } catch (NotSent e) {
            reachable = false;
            if (was) {
                LOG.warnf("the SMSC is out of reach, messages wait: %s", e.getMessage());
            }
        }
    }

    private SMPPSession bound() throws NotSent {
        if (!configured()) {
            throw new NotSent("no SMSC is configured (hcp.sms.smpp.host)", null);
        }
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession fresh = new SMPPSession();
        fresh.setMessageReceiverListener(this);
        fresh.setTransactionTimer(10_000);
        try {
            fresh.connectAndBind(host, port, new BindParameter(BindType.BIND_TRX, systemId, password, "hcp",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        } catch (IOException e) {
            fresh.unbindAndClose();
            throw new NotSent("cannot bind to the SMSC at " + host + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.infof("bound to the SMSC at %s:%d as %s", host, port, systemId);
        session = fresh;
        return fresh;
    }

    @PreDestroy
    synchronized void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    /** A deliver_sm: a delivery receipt of ours, or a message an evaluator sent. Never throws at the SMSC. */
    @Override
    public void onAcceptDeliverSm(DeliverSm deliver) throws ProcessRequestException {
        try {
            if (deliver.isSmscDeliveryReceipt()) {
                DeliveryReceipt receipt = deliver.getShortMessageAsDeliveryReceipt();
                inbound.get().receipt(receipt.getId(), receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD,
                        String.valueOf(receipt.getFinalStatus()));
            } else {
                inbound.get().message(deliver.getSourceAddr(), text(deliver));
            }
        } catch (InvalidDeliveryReceiptException | RuntimeException e) {
            // One bad message must not stop the session; the SMSC gets its deliver_sm_resp either way.
            LOG.warnf("an inbound SMPP message could not be handled: %s", e.getClass().getSimpleName());
        }
    }

    static String text(DeliverSm deliver) {
        byte[] bytes = deliver.getShortMessage() == null ? new byte[0] : deliver.getShortMessage();
        Alphabet alphabet = Alphabet.parseDataCoding(deliver.getDataCoding());
        return new String(bytes, alphabet == Alphabet.ALPHA_UCS2 ? StandardCharsets.UTF_16BE
                : StandardCharsets.ISO_8859_1);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alert) {
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm is not supported", 0x00000003);
    }
}
