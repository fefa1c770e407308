package ir.line111.ivr.ami;

import org.asteriskjava.manager.AsteriskMapping;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentDumpEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.ManagerEvent;

import java.util.List;
import java.util.Map;

/**
 * Asterisk-Java's Agent* events have no property for {@code DestChanVariable}, which Asterisk sends on
 * every agent event once manager.conf names {@code channelvars} (ours does: the LINE111_* variables ride
 * on the caller's events). Unpatched, the library logs a warning for each such event. These subclasses,
 * registered under the same event names, take the member side's variables and drop them: we only need
 * the caller's, which arrive as ChanVariable.
 */
final class AmiEventClasses {
    private AmiEventClasses() {}

    static final List<Class<? extends ManagerEvent>> ALL = List.of(AgentCalled.class, AgentConnect.class,
            AgentComplete.class, AgentRingNoAnswer.class, AgentDump.class);

    @AsteriskMapping("AgentCalled")
    public static final class AgentCalled extends AgentCalledEvent {
        private static final long serialVersionUID = 1L;
        public AgentCalled(Object source) { super(source); }
        public void setDestchanvariables(Map<String, String> ignored) { }
    }

    @AsteriskMapping("AgentConnect")
    public static final class AgentConnect extends AgentConnectEvent {
        private static final long serialVersionUID = 1L;
        public AgentConnect(Object source) { super(source); }
        public void setDestchanvariables(Map<String, String> ignored) { }
    }

    @AsteriskMapping("AgentComplete")
    public static final class AgentComplete extends AgentCompleteEvent {
        private static final long serialVersionUID = 1L;
        public AgentComplete(Object source) { super(source); }
        public void setDestchanvariables(Map<String, String> ignored) { }
    }

    @AsteriskMapping("AgentRingNoAnswer")
    public static final class AgentRingNoAnswer extends AgentRingNoAnswerEvent {
        private static final long serialVersionUID = 1L;
        public AgentRingNoAnswer(Object source) { super(source); }
        public void setDestchanvariables(Map<String, String> ignored) { }
    }

    @AsteriskMapping("AgentDump")
    public static final class AgentDump extends AgentDumpEvent {
        private static final long serialVersionUID = 1L;
        public AgentDump(Object source) { super(source); }
        public void setDestchanvariables(Map<String, String> ignored) { }
    }
}
