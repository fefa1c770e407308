package ir.line111.core.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A console or CLI user ({@code app_user}); roles are a comma-separated list of role names. */
@Entity
@Table(name = "app_user")
public class UserEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;
    @Column(name = "username", nullable = false)
    private String username;
    @Column(name = "full_name")
    private String fullName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "roles", nullable = false)
    private String roles;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;
    @Column(name = "device")
    private String device;

    protected UserEntity() {}

    public UserEntity(String username, String fullName, String passwordHash, String roles, Instant createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.roles = roles;
        this.active = true;
        this.createdAt = createdAt;
        this.passwordChangedAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getFullName() { return fullName; }
    public void setFullName(String v) { fullName = v; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String v) { passwordHash = v; }
    public String getRoles() { return roles; }
    public void setRoles(String v) { roles = v; }
    public boolean isActive() { return active; }
    public void setActive(boolean v) { active = v; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPasswordChangedAt() { return passwordChangedAt; }
    public void setPasswordChangedAt(Instant v) { passwordChangedAt = v; }
    public String getDevice() { return device; }
    public void setDevice(String v) { device = v; }
}
