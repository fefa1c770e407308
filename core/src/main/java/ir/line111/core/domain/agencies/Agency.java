package ir.line111.core.domain.agencies;

/** An executive agency (دستگاه اجرایی) cases are referred to; inactive ones stay for old cases. */
public record Agency(long id, String name, boolean active) {}
