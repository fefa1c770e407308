package ir.line111.core.domain.agencydesk;

import java.time.Instant;

/** A file an agency attached to a case (its answer): stored under data.dir as {@code storedName}. */
public record Attachment(long id, long caseId, long agencyId, String fileName, String mediaType, long sizeBytes,
                         String storedName, String sha256, String uploadedBy, Instant uploadedAt) {}
