package ir.line111.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How to reach a case's caller, read on the caller's own connection (inside its transaction, so a case
 * written a moment earlier in it is seen): the tracking code and the number the case was registered
 * with, or, when it has none, the number of the call it came from. For the SMS module, which must not
 * name core's case tables itself.
 */
public final class CaseContacts {
    private CaseContacts() {}

    /** {@code callerNumber}: null when neither the case nor its call has one. */
    public record Contact(long caseId, String trackingCode, String callerNumber) {}

    public static Optional<Contact> of(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select c.tracking_code, c.caller_number, r.caller_number from case_record c "
                + "left join call_record r on r.call_id = c.call_id where c.id = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String number = rs.getString(2);
                if (number == null || number.isBlank()) number = rs.getString(3);
                return Optional.of(new Contact(caseId, rs.getString(1), number));
            }
        }
    }
}
