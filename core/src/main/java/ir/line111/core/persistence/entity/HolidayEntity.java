package ir.line111.core.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A public holiday on one date in Tehran ({@code holiday}); lunar holidays move, so each year is entered. */
@Entity
@Table(name = "holiday")
public class HolidayEntity {
    @Id
    @Column(name = "holiday_date")
    private LocalDate date;
    @Column(name = "name", nullable = false)
    private String name;

    protected HolidayEntity() {}

    public HolidayEntity(LocalDate date, String name) {
        this.date = date;
        this.name = name;
    }

    public LocalDate getDate() { return date; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
}
