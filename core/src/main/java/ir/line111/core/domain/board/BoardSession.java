package ir.line111.core.domain.board;

import java.time.Instant;
import java.time.LocalDate;

/** One sitting of the complaints board: its fortnight {@code slot}, when it sits, why it was moved (null: not moved). */
public record BoardSession(long id, LocalDate slot, Instant sitsAt, String movedReason, int agendaSize) {}
