package ir.line111.core.persistence;

import ir.line111.core.domain.agencydesk.LiaisonDirectory;
import ir.line111.core.persistence.entity.AgencyEntity;

import java.util.Objects;
import java.util.Optional;

/** The liaison's agency, kept in {@code app_user.agency_id} (V13). */
public final class PersistentLiaisons implements LiaisonDirectory {

    private final Database db;

    public PersistentLiaisons(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Long> agencyOf(String username) {
        if (username == null) return Optional.empty();
        return db.fromTransaction(s -> AgencyRows.query(s, "select agency_id from app_user where username = ?",
                rs -> AgencyRows.longOrNull(rs, "agency_id"), username).stream().filter(Objects::nonNull).findFirst());
    }

    @Override
    public void bind(String username, Long agencyId) {
        db.inTransaction(s -> {
            if (agencyId != null && s.find(AgencyEntity.class, agencyId) == null) throw new IllegalArgumentException("no agency with id " + agencyId);
            int n = AgencyRows.update(s, "update app_user set agency_id = ? where username = ?", agencyId, username);
            if (n == 0) throw new IllegalArgumentException("no user " + username);
        });
    }
}
