package ir.line111.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatLimitFilterTest {
    @Test
    void aLibraryRepeatingItselfIsCutToAFewLinesAndTheRestIsCounted() {
        LoggerContext ctx = new LoggerContext();
        AtomicLong now = new AtomicLong();
        RepeatLimitFilter filter = new RepeatLimitFilter();
        filter.setLoggers("org.asteriskjava");
        filter.setPerWindow(3);
        filter.setWindowSeconds(10);
        filter.nanoClock = now::get;
        filter.start();
        ctx.addTurboFilter(filter);
        ListAppender<ILoggingEvent> out = new ListAppender<>();
        out.setContext(ctx);
        out.start();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(out);

        Logger library = ctx.getLogger("org.asteriskjava.manager.internal.ManagerConnectionImpl");
        Logger ours = ctx.getLogger("ir.line111.ivr.ami.AmiLink");
        for (int i = 0; i < 10_000; i++) {
            library.warn("Slow processing of event null 1MS \nQueueMemberStatusEvent[callstaken='" + i + "']");
            if (i % 1000 == 0) ours.info("ours, not filtered {}", i);
        }
        assertThat(out.list).filteredOn(e -> e.getLoggerName().startsWith("org.asteriskjava")).hasSize(3);
        assertThat(out.list).filteredOn(e -> e.getLoggerName().startsWith("ir.line111")).hasSize(10);

        now.addAndGet(10_000_000_000L);
        library.warn("Slow processing of event null 2MS \nQueueMemberStatusEvent[callstaken='x']");
        assertThat(out.list.get(out.list.size() - 2).getFormattedMessage()).startsWith("9997 lines like the next were left out");
        assertThat(out.list.getLast().getFormattedMessage()).startsWith("Slow processing of event null 2MS");
    }
}
