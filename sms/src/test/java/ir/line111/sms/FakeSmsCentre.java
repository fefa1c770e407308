package ir.line111.sms;

import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.BroadcastSm;
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
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS centre on loopback, played by jsmpp's own server side: accepts binds, answers submit_sm with a
 * message id (or refuses it with {@link #refuseWith}), and sends a delivery receipt for each accepted
 * part. {@link #stop()} closes the port and every session; {@link #start()} opens the same port again.
 */
public final class FakeSmsCentre implements AutoCloseable {

    public record Submit(String destination, String source, byte dataCoding, byte esmClass, byte registeredDelivery, byte[] shortMessage, String messageId) {}

    public final List<Submit> submits = new CopyOnWriteArrayList<>();
    public final AtomicInteger binds = new AtomicInteger();
    /** 0: accept every submit_sm; otherwise the command_status of the refusal. */
    public volatile int refuseWith;
    /** The stat the receipts report. */
    public volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;

    private final AtomicInteger ids = new AtomicInteger(0x1000);
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-smsc");
        t.setDaemon(true);
        return t;
    });
    private volatile int port;
    private volatile SMPPServerSessionListener listener;

    public static FakeSmsCentre started() throws IOException {
        FakeSmsCentre c = new FakeSmsCentre();
        c.start();
        return c;
    }

    public int port() { return port; }

    public synchronized void start() throws IOException {
        ServerConnectionFactory loopback = new ServerConnectionFactory() {
            @Override public ServerConnection listen(int p) throws IOException { return listen(p, 0, 50); }
            @Override public ServerConnection listen(int p, int timeout) throws IOException { return listen(p, timeout, 50); }
            @Override public ServerConnection listen(int p, int timeout, int backlog) throws IOException {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), backlog);
                ss.setSoTimeout(timeout);
                port = ss.getLocalPort();
                return new ServerSocketConnection(ss);
            }
        };
        SMPPServerSessionListener l = new SMPPServerSessionListener(port, loopback);
        l.setMessageReceiverListener(new Receiver());
        l.setResponseDeliveryListener(new Responses());
        listener = l;
        work.execute(() -> acceptLoop(l));
    }

    private void acceptLoop(SMPPServerSessionListener l) {
        while (listener == l) {
            try {
                SMPPServerSession s = l.accept();
                sessions.add(s);
                work.execute(() -> {
                    try {
                        BindRequest bind = s.waitForBind(5_000);
                        bind.accept("fake-smsc");
                        binds.incrementAndGet();
                    } catch (Exception e) {
                        s.close();
                    }
                });
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The centre goes away: the port closes and every bound client loses its link. */
    public synchronized void stop() throws IOException {
        SMPPServerSessionListener l = listener;
        listener = null;
        if (l != null) l.close();
        for (SMPPServerSession s : sessions) s.close();
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        stop();
        work.shutdownNow();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
            int refuse = refuseWith;
            if (refuse != 0) {
                submits.add(new Submit(sm.getDestAddress(), sm.getSourceAddr(), sm.getDataCoding(), sm.getEsmClass(), sm.getRegisteredDelivery(), sm.getShortMessage(), null));
                throw new ProcessRequestException("refused", refuse);
            }
            String id = Integer.toHexString(ids.incrementAndGet());
            submits.add(new Submit(sm.getDestAddress(), sm.getSourceAddr(), sm.getDataCoding(), sm.getEsmClass(), sm.getRegisteredDelivery(), sm.getShortMessage(), id));
            try {
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public void onAcceptCancelSm(CancelSm c, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
        @Override public DataSmResult onAcceptDataSm(DataSm d, Session session) throws ProcessRequestException { throw new ProcessRequestException("no", 3); }
    }

    /** After each submit_sm_resp has gone out, the receipt for it (as a real centre does, later and on its own). */
    private final class Responses implements ServerResponseDeliveryListener {
        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            String id = result.getMessageId();
            Submit sm = submits.stream().filter(s -> id.equals(s.messageId())).findFirst().orElse(null);
            if (sm == null) return;
            work.execute(() -> {
                DeliveryReceipt r = new DeliveryReceipt(id, 1, receiptState == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(),
                        receiptState, receiptState == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
                try {
                    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, sm.destination(),
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sm.source(),
                            new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                            new RegisteredDelivery(0), DataCodings.ZERO, r.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // the link went away meanwhile: the receipt is lost, as it would be
                }
            });
        }

        @Override public void onSubmitSmRespError(SubmitSmResult result, Exception cause, SMPPServerSession session) {}
        @Override public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession session) {}
        @Override public void onSubmitMultiRespError(SubmitMultiResult result, Exception cause, SMPPServerSession session) {}
    }
}
