package ir.line111.core.domain.office;

import java.time.LocalDate;

/** A public holiday on one day (Tehran). */
public record Holiday(LocalDate date, String name) {}
