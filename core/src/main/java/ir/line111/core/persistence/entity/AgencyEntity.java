package ir.line111.core.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An executive agency (دستگاه اجرایی) cases are referred to ({@code agency}). */
@Entity
@Table(name = "agency")
public class AgencyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agency_seq")
    @SequenceGenerator(name = "agency_seq", sequenceName = "agency_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** The prompt the IVR says for it (catalogue key, agency-*); null: agency-concerned. */
    @Column(name = "prompt_key")
    private String promptKey;

    protected AgencyEntity() {}

    public AgencyEntity(String name, Instant createdAt) {
        this.name = name;
        this.active = true;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
    public Instant getCreatedAt() { return createdAt; }
    public String getPromptKey() { return promptKey; }
    public void setPromptKey(String v) { promptKey = v; }
}
