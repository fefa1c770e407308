package ir.line111.core.persistence;

import ir.line111.core.domain.agencies.Agency;
import ir.line111.core.domain.agencies.AgencyDirectory;
import ir.line111.core.persistence.entity.AgencyEntity;
import org.hibernate.Session;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** {@link AgencyDirectory} in {@code agency}. */
public final class PersistentAgencies implements AgencyDirectory {

    private final Database db;
    private final Clock clock;

    public PersistentAgencies(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public PersistentAgencies(Database db) {
        this(db, Clock.systemUTC());
    }

    @Override
    public List<Agency> list(boolean includeInactive) {
        return db.fromTransaction(s -> s.createSelectionQuery(
                        includeInactive ? "from AgencyEntity a order by a.name" : "from AgencyEntity a where a.active = true order by a.name",
                        AgencyEntity.class)
                .getResultList().stream().map(PersistentAgencies::agency).toList());
    }

    @Override
    public Optional<Agency> find(long id) {
        return db.fromTransaction(s -> Optional.ofNullable(s.find(AgencyEntity.class, id)).map(PersistentAgencies::agency));
    }

    @Override
    public Agency add(String name) {
        String n = checkName(name);
        return db.fromTransaction(s -> {
            requireFree(s, n, null);
            AgencyEntity a = new AgencyEntity(n, clock.instant().truncatedTo(ChronoUnit.MICROS));
            s.persist(a);
            return agency(a);
        });
    }

    @Override
    public Agency update(long id, String name, boolean active) {
        String n = checkName(name);
        return db.fromTransaction(s -> {
            AgencyEntity a = s.find(AgencyEntity.class, id);
            if (a == null) throw new IllegalArgumentException("no agency with id " + id);
            requireFree(s, n, id);
            a.setName(n);
            a.setActive(active);
            return agency(a);
        });
    }

    @Override
    public Agency assignPrompt(long id, String promptKey) {
        String key = promptKey == null || promptKey.isBlank() ? null : promptKey.strip();
        if (key != null && !key.matches("agency-[a-z0-9-]{1,57}")) {
            throw new IllegalArgumentException("an agency's prompt is a catalogue key agency-*, was '" + key + "'");
        }
        return db.fromTransaction(s -> {
            AgencyEntity a = s.find(AgencyEntity.class, id);
            if (a == null) throw new IllegalArgumentException("no agency with id " + id);
            a.setPromptKey(key);
            return agency(a);
        });
    }

    private static void requireFree(Session s, String name, Long self) {
        List<AgencyEntity> same = s.createSelectionQuery("from AgencyEntity a where lower(a.name) = lower(:n)", AgencyEntity.class)
                .setParameter("n", name).getResultList();
        if (same.stream().anyMatch(a -> !a.getId().equals(self))) throw new IllegalArgumentException("an agency named " + name + " exists");
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an agency needs a name");
        String n = name.strip();
        if (n.length() > 200) throw new IllegalArgumentException("an agency's name has at most 200 characters");
        return n;
    }

    private static Agency agency(AgencyEntity a) {
        return new Agency(a.getId(), a.getName(), a.isActive(), a.getPromptKey());
    }
}
