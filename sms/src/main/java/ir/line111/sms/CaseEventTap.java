package ir.line111.sms;

import ir.line111.core.domain.calls.MobileNumber;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.CaseContacts;
import ir.line111.core.persistence.entity.CaseEventEntity;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.Optional;

/**
 * Writes the outbox row in the same transaction as the case event that calls for it. Every case event
 * is persisted through core's one Hibernate SessionFactory ({@code CaseRows.event}); this listener on
 * its inserts registers, for each event of an {@link SmsKind}, work that runs after the flush and before
 * the commit, on the same connection: it asks core's {@link CaseContacts} for the case's tracking code
 * and caller number (the call's number when the case has none) and, for a mobile number, adds the row. The event and its SMS are
 * committed together or not at all, so a crash cannot lose one or send one for a case that was rolled
 * back, and no poller has to guess which events it has seen (the events' ids come from pooled sequence
 * blocks and are not in commit order across transactions or nodes).
 *
 * <p>The SMS must never cost the case: the insert runs under a savepoint, and a failure there is
 * logged and rolled back to it, leaving the case's own transaction to commit.
 */
public final class CaseEventTap implements PostInsertEventListener {
    private static final Logger log = LoggerFactory.getLogger(CaseEventTap.class);

    private volatile SmsTexts texts;
    private volatile Clock clock;
    private volatile boolean on = true;

    private CaseEventTap(SmsTexts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Appends the tap to {@code sessionFactory}'s insert listeners, or turns on the one a previous
     * start left there (Hibernate cannot remove a listener; {@link #off()} makes it inert).
     */
    public static synchronized CaseEventTap install(SessionFactory sessionFactory, SmsTexts texts, Clock clock) {
        var group = sessionFactory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry()
                .getEventListenerGroup(EventType.POST_INSERT);
        for (PostInsertEventListener l : group.listeners()) {
            if (l instanceof CaseEventTap old) {
                old.texts = texts;
                old.clock = clock;
                old.on = true;
                return old;
            }
        }
        CaseEventTap tap = new CaseEventTap(texts, clock);
        group.appendListener(tap);
        return tap;
    }

    public void off() {
        on = false;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (!on || !(event.getEntity() instanceof CaseEventEntity e)) return;
        Optional<SmsKind> kind = SmsKind.forEvent(e.getEventType());
        if (kind.isEmpty()) return;
        long eventId = e.getId();
        long caseId = e.getCaseId();
        event.getSession().getActionQueue().registerProcess(session -> enqueue(session, eventId, caseId, kind.get()));
    }

    private void enqueue(SessionImplementor session, long eventId, long caseId, SmsKind kind) {
        if (!on) return;
        session.doWork(c -> {
            Savepoint sp = c.setSavepoint();
            try {
                Optional<CaseContacts.Contact> contact = CaseContacts.of(c, caseId);
                Optional<MobileNumber> to = contact.flatMap(t -> MobileNumber.parse(t.callerNumber()));
                if (to.isPresent()) {
                    TrackingCode code = new TrackingCode(contact.get().trackingCode());
                    int parts = Ucs2Segments.count(texts.render(kind.textKey(), code));
                    SmsOutbox.enqueue(c, eventId, caseId, kind, to.get(), code, parts, clock.instant());
                }
                c.releaseSavepoint(sp);
            } catch (SQLException | RuntimeException ex) {
                c.rollback(sp);
                log.error("case {}: the {} SMS was not queued: {}", caseId, kind, ex.toString());
            }
        });
    }

    @Override
    public boolean requiresPostCommitHandling(org.hibernate.persister.entity.EntityPersister persister) {
        return false;
    }
}
