package org.hcp.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for development and tests (docs/messages.md): jSMPP's own server side on a local port. It accepts any bind,
 * keeps every submit_sm it receives (destination and text), can refuse the next ones or hold its answers, and sends
 * the bound client an evaluator's message or a delivery receipt as deliver_sm, as an operator's SMSC does. Under
 * {@code ./hcp up} it also writes each message to an inbox file, the number masked, for a person to read.
 */
public final class DevSmsc implements AutoCloseable {

    /** A message the SMSC accepted. */
    public record Received(String destination, String text, String messageId) {
    }

    private final SMPPServerSessionListener listener;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger refuse = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch hold;
    private final Thread acceptor;
    private volatile SMPPServerSession session;
    private volatile boolean closed;
    private volatile java.nio.file.Path inbox;

    private DevSmsc(int port) throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::accept, "dev-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** On a free port. */
    public static DevSmsc start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            int port = probe.getLocalPort();
            probe.close();
            return new DevSmsc(port);
        } catch (IOException e) {
            throw new IllegalStateException("the development SMSC did not start", e);
        }
    }

    /** On {@code port}, writing each message it takes to {@code inbox}. */
    public static DevSmsc start(int port, java.nio.file.Path inbox) throws IOException {
        DevSmsc smsc = new DevSmsc(port);
        smsc.inbox = inbox;
        return smsc;
    }

    public int port() {
        return listener.getPort();
    }

    /** How many times a client bound. */
    public int binds() {
        return binds.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedBy(String destination) {
        return received.stream().filter(r -> r.destination().equals(destination)).toList();
    }

    /** The next {@code n} submits are refused with ESME_RTHROTTLED (0x58), as a busy SMSC does. */
    public void refuseNext(int n) {
        refuse.set(n);
    }

    /**
     * From now on each submit_sm is kept but not answered until {@link #release}: a sender killed meanwhile never
     * learns whether it went out.
     */
    public void holdAnswers() {
        hold = new java.util.concurrent.CountDownLatch(1);
    }

    public void release() {
        java.util.concurrent.CountDownLatch h = hold;
        hold = null;
        if (h != null) {
            h.countDown();
        }
    }

    /** An evaluator's message from {@code from}, in UCS-2. */
    public void deliver(String from, String text) {
        send(from, new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    /** The delivery receipt of a message this SMSC accepted. */
    public void receipt(Received message, boolean delivered) {
        Date now = new Date();
        String receipt = new DeliveryReceipt(message.messageId(), 1, delivered ? 1 : 0, now, now,
                delivered ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV, "000", "").toString();
        send(message.destination(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT,
                GSMSpecificFeature.DEFAULT), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, MessageClass.CLASS1, false),
                receipt.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void send(String from, ESMClass esm, GeneralDataCoding coding, byte[] body) {
        SMPPServerSession bound = session;
        if (bound == null) {
            throw new IllegalStateException("no client is bound to the development SMSC");
        }
        try {
            bound.deliverShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, "10690012345", esm, (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), coding, body);
        } catch (Exception e) {
            throw new IllegalStateException("deliver_sm failed", e);
        }
    }

    /** A line a person reads: when, the number with its middle masked, the text. */
    private void writeToInbox(Received message) {
        java.nio.file.Path file = inbox;
        if (file == null) {
            return;
        }
        String to = message.destination();
        String masked = to.length() == 11 ? to.substring(0, 3) + "****" + to.substring(7) : "****";
        try {
            java.nio.file.Files.writeString(file, java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .withNano(0) + "  " + masked + "  " + message.text().replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("dev SMSC: cannot write the inbox " + file + ": " + e.getMessage());
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SMPPServerSession s = listener.accept();
                BindRequest bind = s.waitForBind(5_000);
                bind.accept("dev-smsc");
                session = s;
                binds.incrementAndGet();
            } catch (Exception e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        release();
        SMPPServerSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing a test's server
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source)
                throws ProcessRequestException {
            if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", 0x58);
            }
            byte[] body = submit.getShortMessage();
            if (body == null || body.length == 0) {
                OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                body = payload == null ? new byte[0] : ((OptionalParameter.OctetString) payload).getValue();
            }
            boolean ucs2 = Alphabet.parseDataCoding(submit.getDataCoding()) == Alphabet.ALPHA_UCS2;
            String id = Integer.toString(ids.incrementAndGet());
            Received message = new Received(submit.getDestAddress(), new String(body, ucs2
                    ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1), id);
            received.add(message);
            writeToInbox(message);
            java.util.concurrent.CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(5, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("bad message id", 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
