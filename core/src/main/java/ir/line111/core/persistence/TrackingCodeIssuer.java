package ir.line111.core.persistence;

import ir.line111.core.config.ConfigException;
import ir.line111.core.config.Line111Config;
import ir.line111.core.domain.tracking.KeyedPermutation;
import ir.line111.core.domain.tracking.TrackingCode;
import ir.line111.core.persistence.entity.SettingEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one generator of tracking codes for every channel: a value of the database sequence
 * {@code tracking_code_seq}, through the {@link KeyedPermutation}, plus the Damm check digit
 * ({@link TrackingCode#fromBody}). The sequence steps by {@value #BLOCK}; each step reserves a block
 * handed out from memory, so most codes cost no round trip. Codes are unique because the sequence
 * is and the permutation is a bijection; the unique constraint on {@code case_record.tracking_code}
 * guards it anyway.
 */
public final class TrackingCodeIssuer {

    private static final Logger log = LoggerFactory.getLogger(TrackingCodeIssuer.class);
    /** Must equal the INCREMENT BY of tracking_code_seq (V1__core_schema.sql). */
    static final int BLOCK = 50;
    static final String FINGERPRINT_SETTING = "tracking.key.fingerprint";
    public static final String KEY_FILE = "tracking-code.key";

    private final Database db;
    private final KeyedPermutation permutation;
    private final ReentrantLock lock = new ReentrantLock();
    private long next;
    private long blockEnd; // exclusive

    /** Checks the key's fingerprint against the database (records it on first use); refuses a changed key. */
    public TrackingCodeIssuer(Database db, byte[] key) {
        this.db = db;
        this.permutation = new KeyedPermutation(key);
        checkFingerprint();
    }

    /** The key of {@code tracking.key}, or of {@code ${data.dir}/tracking-code.key}, created on first run. */
    public static TrackingCodeIssuer open(Database db, Line111Config config) {
        return new TrackingCodeIssuer(db, loadKey(config));
    }

    public static byte[] loadKey(Line111Config config) {
        String configured = config.string("tracking.key");
        if (!configured.isBlank()) {
            byte[] k = configured.matches("(?i)[0-9a-f]{32,}") && configured.length() % 2 == 0
                    ? HexFormat.of().parseHex(configured)
                    : configured.getBytes(StandardCharsets.UTF_8);
            if (k.length < 16) throw new ConfigException("tracking.key", "must be at least 16 bytes (e.g. 64 hex digits)");
            return k;
        }
        Path file = config.path("data.dir").resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                    Files.write(file, k, StandardOpenOption.TRUNCATE_EXISTING);
                    log.info("generated a new tracking-code key in {}; back it up with the database", file);
                    return k;
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                }
            }
            byte[] k = Files.readAllBytes(file);
            if (k.length < 16) throw new ConfigException("tracking.key", "the key file " + file + " is damaged (" + k.length + " bytes)");
            return k;
        } catch (IOException e) {
            throw new ConfigException("data.dir", "cannot read or create the tracking-code key " + file + ": " + e.getMessage());
        }
    }

    private void checkFingerprint() {
        String fp = permutation.fingerprint();
        String stored;
        try {
            stored = recordFingerprint(fp);
        } catch (RuntimeException e) {
            // Another node of a cluster recorded its key's fingerprint at the same moment: compare with that one.
            if (!SqlErrors.isUniqueViolation(e)) throw e;
            stored = recordFingerprint(fp);
        }
        if (!stored.equals(fp)) {
            throw new ConfigException("tracking.key", "is not the key this database's tracking codes were issued with "
                    + "(fingerprint " + fp + ", database has " + stored + "); restore the original key or "
                    + KEY_FILE + " — a new key would issue codes that collide with old ones");
        }
    }

    private String recordFingerprint(String fp) {
        return db.fromTransaction(s -> {
            SettingEntity e = s.find(SettingEntity.class, FINGERPRINT_SETTING);
            if (e != null) return e.getValue();
            s.persist(new SettingEntity(FINGERPRINT_SETTING, fp, Instant.now()));
            return fp;
        });
    }

    /** A fresh code; never the same twice for this database. */
    public TrackingCode issue() {
        return codeFor(nextSequenceValue());
    }

    /** The code of a sequence value: the only mapping, for tests and for support staff. */
    public TrackingCode codeFor(long sequenceValue) {
        return TrackingCode.fromBody(permutation.permute(sequenceValue));
    }

    /** The sequence value behind a code, with the key: for support staff and tests. */
    public long sequenceValueOf(TrackingCode code) {
        return permutation.invert(Long.parseLong(code.digits().substring(0, TrackingCode.BODY_DIGITS)));
    }

    private long nextSequenceValue() {
        lock.lock();
        try {
            if (next >= blockEnd) {
                long start = fetchBlockStart();
                next = start;
                blockEnd = start + BLOCK;
            }
            long v = next++;
            if (v >= KeyedPermutation.DOMAIN) throw new IllegalStateException("all 10^8 tracking codes are used");
            return v;
        } finally {
            lock.unlock();
        }
    }

    private long fetchBlockStart() {
        String sql = db.vendor() == Database.Vendor.POSTGRESQL
                ? "select nextval('tracking_code_seq')"
                : "select next value for tracking_code_seq";
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot draw from tracking_code_seq: " + e.getMessage(), e);
        }
    }
}
