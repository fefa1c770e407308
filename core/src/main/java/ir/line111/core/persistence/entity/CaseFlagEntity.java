package ir.line111.core.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * What the case lists read of {@code case_flag} (issue 16): whether a case is urgent. Read-only here: the
 * agency desk and the oversight write the table (AgencyRows), so this mapping never writes.
 */
@Entity
@Immutable
@Table(name = "case_flag")
public class CaseFlagEntity {
    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "urgent", nullable = false)
    private boolean urgent;

    protected CaseFlagEntity() {}

    public Long getCaseId() { return caseId; }
    public boolean isUrgent() { return urgent; }
}
