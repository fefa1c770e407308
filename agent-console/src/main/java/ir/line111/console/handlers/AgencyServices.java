package ir.line111.console.handlers;

import ir.line111.console.ConsoleContext;
import ir.line111.console.http.ApiException;
import ir.line111.console.http.Call;
import ir.line111.core.domain.agencydesk.AgencyDesk;
import ir.line111.core.domain.agencydesk.AttachmentTypes;
import ir.line111.core.domain.agencydesk.CaseOversight;
import ir.line111.core.domain.agencydesk.LiaisonDirectory;
import ir.line111.core.domain.board.Board;
import ir.line111.core.domain.cases.CaseDesk;
import ir.line111.core.files.FileModes;
import ir.line111.core.persistence.Database;
import ir.line111.core.persistence.PersistentAgencyDesk;
import ir.line111.core.persistence.PersistentBoard;
import ir.line111.core.persistence.PersistentCaseOversight;
import ir.line111.core.persistence.PersistentCases;
import ir.line111.core.persistence.PersistentHolidays;
import ir.line111.core.persistence.PersistentLiaisons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The agency desk, the supervisors' oversight and the complaints board (issue 16) as the console uses them:
 * core's ports over core's database, and the private folder of the agencies' files ({@code attachments.dir}).
 */
public record AgencyServices(LiaisonDirectory liaisons, AgencyDesk desk, CaseOversight oversight, Board board,
                             ir.line111.core.domain.agencydesk.AgencyReports reports, Path attachmentsDir, long maxAttachmentBytes) {

    private static final Logger log = LoggerFactory.getLogger(AgencyServices.class);

    public static AgencyServices of(ConsoleContext cx) {
        if (!(cx.cases() instanceof PersistentCases pc)) {
            throw new IllegalStateException("the agency desk needs core's PersistentCases");
        }
        Database db = pc.database();
        return new AgencyServices(new PersistentLiaisons(db), new PersistentAgencyDesk(db, (CaseDesk) pc, cx.clock()),
                new PersistentCaseOversight(db, cx.clock()), new PersistentBoard(db, new PersistentHolidays(db, cx.clock()), cx.zone(), cx.clock()),
                new ir.line111.core.persistence.PersistentAgencyReports(db),
                cx.config().path("attachments.dir"), cx.config().integer("attachments.max-mb", 1, 100) * 1024L * 1024L);
    }

    /** Overdue cases onto the supervisors' list, cases at the board onto the next agenda; a failure waits for the next round. */
    public void housekeeping() {
        try {
            int escalated = oversight.escalateOverdue();
            int enrolled = board.enrolPending();
            if (escalated + enrolled > 0) log.info("agency desk: {} overdue case(s) escalated, {} case(s) put on the board's agenda", escalated, enrolled);
        } catch (RuntimeException e) {
            log.warn("agency desk housekeeping failed, next round in 10 minutes: {}", e.getMessage());
        }
    }

    /** The agency of the signed-in liaison; 403 for a liaison bound to none. */
    long agencyOf(Call c) {
        return liaisons.agencyOf(c.username()).orElseThrow(() -> new ApiException(403, "forbidden",
                "این حساب به هیچ دستگاه اجرایی وابسته نیست؛ با مدیر سامانه تماس بگیرید", null));
    }

    /** Writes the file privately (0600 in a 0700 folder) under a random name; returns that name. */
    String store(byte[] bytes, AttachmentTypes.Type type) throws IOException {
        FileModes.privateDir(attachmentsDir, null);
        String name = UUID.randomUUID() + "." + type.extension();
        FileModes.writePrivate(attachmentsDir.resolve(name), bytes);
        return name;
    }

    /** The stored file when it lies inside the folder. */
    Optional<Path> file(String storedName) {
        try {
            Path root = attachmentsDir.toRealPath();
            Path real = root.resolve(storedName).toRealPath();
            return real.startsWith(root) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
