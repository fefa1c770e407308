package ir.line111.sms;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
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
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The SMPP 3.4 link to the SMS centre (jsmpp): one transceiver bind, so submits and the delivery
 * receipts that answer them share it; bound again, no sooner than every {@code sms.reconnect-ms},
 * whenever it is down. Knows the protocol and nothing of cases or the outbox.
 */
final class SmppGateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);

    /** Where delivery receipts go: the receipted message id, and the stat and err of the receipt; false when it could not be kept. */
    interface Receipts {
        boolean receipt(String messageId, String stat, String error);
    }

    /** ESME_RX_T_APPN: a temporary error of ours, so the centre delivers the receipt again later. */
    static final int RX_T_APPN = 0x00000064;

    /** The centre answered submit_sm with an error status. */
    static final class Refused extends Exception {
        private final int status;
        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
        int status() { return status; }
    }

    /** No answer came back over the link (closed, unreachable, cut): nothing is known of the submit. */
    static final class LinkDown extends Exception {
        LinkDown(String message, Throwable cause) { super(message, cause); }
    }

    private final SmsSettings settings;
    private final Receipts receipts;
    private volatile SMPPSession session;
    private volatile String problem = "not bound yet";
    private long nextBindNanos;

    SmppGateway(SmsSettings settings, Receipts receipts) {
        this.settings = settings;
        this.receipts = receipts;
    }

    boolean bound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /** Why it is not bound, when it is not. */
    String problem() {
        return bound() ? null : problem;
    }

    /** Binds when unbound and the reconnect pause is over; true when bound after it. Called by the one sender thread. */
    boolean ensureBound() {
        if (bound()) return true;
        long now = System.nanoTime();
        if (now - nextBindNanos < 0) return false;
        nextBindNanos = now + settings.reconnect().toNanos();
        closeSession();
        SMPPSession s = new SMPPSession(connections());
        s.setTransactionTimer(settings.responseTimeout().toMillis());
        s.setEnquireLinkTimer(30_000);
        s.setMessageReceiverListener(new Listener());
        try {
            s.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                    settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    settings.responseTimeout().toMillis());
            session = s;
            log.info("SMS centre {}:{} bound as {}", settings.host(), settings.port(), settings.systemId());
            return true;
        } catch (IOException e) {
            s.close();
            String why = "cannot bind to " + settings.host() + ":" + settings.port() + ": " + e.getMessage();
            if (!why.equals(problem)) log.warn("{}; retrying every {} ms", why, settings.reconnect().toMillis());
            problem = why;
            return false;
        }
    }

    /** Submits one part; its message id from submit_sm_resp. */
    String submit(String destination, Ucs2Segments.Segment part) throws Refused, LinkDown {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) throw new LinkDown("not bound", null);
        ESMClass esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, part.udh() ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT);
        String source = settings.sourceAddress();
        boolean alpha = !source.matches("\\d+");
        try {
            return s.submitShortMessage("", alpha ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.UNKNOWN,
                    alpha ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN, source,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    DataCodings.newInstance(Ucs2Segments.DATA_CODING_UCS2), (byte) 0, part.shortMessage()).getMessageId();
        } catch (NegativeResponseException e) {
            throw new Refused(e.getCommandStatus(), String.format("submit_sm refused with status 0x%08X", e.getCommandStatus()));
        } catch (ResponseTimeoutException e) {
            throw new Refused(-1, "no submit_sm_resp within " + settings.responseTimeout().toMillis() + " ms");
        } catch (PDUException | InvalidResponseException e) {
            throw new Refused(-2, "bad PDU: " + e.getMessage());
        } catch (IOException e) {
            problem = "link lost: " + e.getMessage();
            throw new LinkDown(problem, e);
        }
    }

    private ConnectionFactory connections() {
        String local = settings.bindAddress();
        return (host, port) -> {
            Socket socket = new Socket();
            try {
                if (local != null && !local.isBlank()) socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
                socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, settings.responseTimeout().toMillis()));
                return (Connection) new SocketConnection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        };
    }

    private final class Listener implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm d) throws ProcessRequestException {
            if (!MessageType.SMSC_DEL_RECEIPT.containedIn(d.getEsmClass())) {
                log.debug("deliver_sm that is no delivery receipt ignored");
                return;
            }
            try {
                DeliveryReceipt r = d.getShortMessageAsDeliveryReceipt();
                OptionalParameter tlv = d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                String id = tlv instanceof OptionalParameter.OctetString o ? o.getValueAsString() : r.getId();
                if (!receipts.receipt(id == null ? "" : id.strip(), r.getFinalStatus() == null ? "UNKNOWN" : r.getFinalStatus().name(), r.getError())) {
                    throw new ProcessRequestException("receipt not recorded, deliver it again", RX_T_APPN);
                }
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("a delivery receipt that cannot be read was ignored: {}", e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification a) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x00000003);
        }
    }

    private void closeSession() {
        SMPPSession s = session;
        session = null;
        if (s != null) {
            try {
                if (s.getSessionState().isBound()) s.unbindAndClose(); else s.close();
            } catch (RuntimeException e) {
                log.debug("closing the SMPP session: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closeSession();
    }
}
