package ir.line111.ivr.agi;

import ir.line111.core.domain.calls.CallLog;
import ir.line111.core.domain.calls.CallOutcome;
import ir.line111.ivr.DialplanContract;
import ir.line111.ivr.flow.CallFlows;
import ir.line111.ivr.flow.CallSession;
import ir.line111.ivr.prompts.PromptCatalogue;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import ir.line111.core.logging.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;

import static ir.line111.core.logging.LogValues.bounded;
import java.util.function.BooleanSupplier;

/**
 * The explicit mapping of exactly two scripts (DialplanContract), nothing by class name, plus the
 * refusal script for calls over the ceiling. Each script is one instance serving every call; what a
 * call gathers lives in its {@link CallSession}.
 */
final class Line111Scripts implements MappingStrategy {
    private static final Logger log = LoggerFactory.getLogger(Line111Scripts.class);
    static final String MDC_CALL_ID = "callId";
    private static final String AJ_AGISTATUS = "AJ_AGISTATUS";

    private final CallFlows flows;
    private final PromptCatalogue catalogue;
    private final CallLog callLog;
    private final Clock clock;
    private final BooleanSupplier canTakeMessages;
    private final AgiScript entry = this::entry;
    private final AgiScript afterQueue = this::afterQueue;
    private final AgiScript refusal = this::refuse;
    private final AgiScript malformed = this::refuseMalformed;
    private final AgiScript notFound = this::notFound;
    private final LogLimiter notFoundLog = new LogLimiter(Duration.ofMinutes(1), 5);
    private final LogLimiter malformedLog = new LogLimiter(Duration.ofMinutes(1), 5);

    Line111Scripts(CallFlows flows, PromptCatalogue catalogue, CallLog callLog, Clock clock, BooleanSupplier canTakeMessages) {
        this.canTakeMessages = canTakeMessages;
        this.flows = flows;
        this.catalogue = catalogue;
        this.callLog = callLog;
        this.clock = clock;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        if (BoundedAgiServer.REFUSED.isBound()) return refusal;
        String script = request.getScript();
        if (script == null || callId(request) == null) return malformed;
        if (DialplanContract.SCRIPT_ENTRY.equals(script)) {
            if (canTakeMessages.getAsBoolean()) return entry;
            log.warn("the database is away and no reserved tracking code is left: the dialplan's fallback records the call");
            return refusal;
        }
        if (DialplanContract.SCRIPT_AFTER_QUEUE.equals(script)) return afterQueue;
        return notFound;
    }

    /** What Asterisk-Java does for a missing script, but in one bounded line instead of its unbounded error. */
    private void notFound(AgiRequest request, AgiChannel channel) {
        if (notFoundLog.tryAcquire()) {
            log.warn("no script '{}' (from {}): only {} and {} are served ({} similar suppressed)", bounded(request.getScript()),
                    bounded(request.getRequestURL()), DialplanContract.SCRIPT_ENTRY, DialplanContract.SCRIPT_AFTER_QUEUE,
                    notFoundLog.takeSuppressed());
        }
        try {
            channel.setVariable(AJ_AGISTATUS, "NOT_FOUND");
        } catch (AgiException | RuntimeException e) {
            // the peer is gone: nothing to tell it
        }
        // Otherwise Asterisk-Java would overwrite the status with SUCCESS once this returns.
        BoundedAgiServer.endSessionNow();
    }

    private void entry(AgiRequest request, AgiChannel channel) {
        String callId = callId(request);
        if (callId == null) {
            refuseMalformed(request, channel);
            return;
        }
        MDC.put(MDC_CALL_ID, callId);
        try {
            AgiCaller caller = new AgiCaller(channel, catalogue);
            CallSession session = new CallSession(callId, AgiValues.callerNumber(request.getCallerIdNumber()),
                    AgiValues.channel(request.getChannel()), caller);
            flows.entry(session);
        } finally {
            MDC.remove(MDC_CALL_ID);
        }
    }

    private void afterQueue(AgiRequest request, AgiChannel channel) {
        String uniqueId = callId(request);
        if (uniqueId == null) {
            refuseMalformed(request, channel);
            return;
        }
        MDC.put(MDC_CALL_ID, uniqueId);
        try {
            AgiCaller caller = new AgiCaller(channel, catalogue);
            // The entry script named the call; the same channel comes back, but trust the variable first.
            String callId = uniqueId;
            try {
                String set = AgiValues.callId(caller.variable(DialplanContract.VAR_CALL_ID));
                if (set != null) callId = set;
            } catch (RuntimeException e) {
                log.info("could not read {}: {}", DialplanContract.VAR_CALL_ID, bounded(e.getMessage()));
                return;
            }
            if (!callId.equals(uniqueId)) MDC.put(MDC_CALL_ID, bounded(callId));
            flows.afterQueue(new CallSession(callId, AgiValues.callerNumber(request.getCallerIdNumber()),
                    AgiValues.channel(request.getChannel()), caller));
        } finally {
            MDC.remove(MDC_CALL_ID);
        }
    }

    /** Over the ceiling or stopping: the dialplan's fallback records the caller instead. One line per call, never a stack trace. */
    private void refuse(AgiRequest request, AgiChannel channel) {
        String callId = callId(request);
        if (callId != null) MDC.put(MDC_CALL_ID, callId);
        try {
            String told;
            try {
                channel.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_FALLBACK);
                told = "the dialplan's fallback takes it";
            } catch (AgiException | RuntimeException e) {
                told = "the caller was already gone";
            }
            String logged = "";
            if (callId != null) {
                try {
                    callLog.started(callId, AgiValues.callerNumber(request.getCallerIdNumber()), AgiValues.channel(request.getChannel()),
                            clock.instant());
                    callLog.ended(callId, CallOutcome.REFUSED_AT_CAPACITY, "refused", clock.instant());
                } catch (RuntimeException e) {
                    logged = "; not in the call log: " + bounded(e.getMessage());
                }
            }
            log.warn("call refused (the IVR is at its ceiling or stopping, or has no reserved code while the database is away): {}{}",
                    told, logged);
        } finally {
            MDC.remove(MDC_CALL_ID);
        }
    }

    private void refuseMalformed(AgiRequest request, AgiChannel channel) {
        String told;
        try {
            channel.setVariable(DialplanContract.VAR_NEXT, DialplanContract.NEXT_FALLBACK);
            told = "sending the call to the fallback";
        } catch (AgiException | RuntimeException e) {
            told = "the peer was already gone";
        }
        if (malformedLog.tryAcquire()) {
            log.warn("malformed AGI environment (no script, or agi_uniqueid missing or not an id: '{}') from {}: {} ({} similar suppressed)",
                    bounded(request.getUniqueId(), 40), request.getRemoteAddress(), told, malformedLog.takeSuppressed());
        }
    }

    private static String callId(AgiRequest request) {
        return AgiValues.callId(request.getUniqueId());
    }
}
