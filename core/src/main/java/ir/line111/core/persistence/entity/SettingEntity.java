package ir.line111.core.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A value core keeps about itself in the database ({@code core_setting}), e.g. the tracking key's fingerprint. */
@Entity
@Table(name = "core_setting")
public class SettingEntity {
    @Id
    @Column(name = "name")
    private String name;
    @Column(name = "setting_value", nullable = false)
    private String value;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SettingEntity() {}

    public SettingEntity(String name, String value, Instant updatedAt) {
        this.name = name;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    public String getName() { return name; }
    public String getValue() { return value; }
}
