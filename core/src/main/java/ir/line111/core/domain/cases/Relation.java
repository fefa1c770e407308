package ir.line111.core.domain.cases;

/** Whose matter it is, relative to the caller (DESIGN §4 step 4). Keys 1..6 in the IVR menu follow this order after SELF. */
public enum Relation {
    SELF("خود تماس‌گیرنده"),
    SPOUSE("همسر"),
    CHILD("فرزند"),
    PARENT("پدر یا مادر"),
    SIBLING("خواهر یا برادر"),
    OTHER_RELATIVE("سایر بستگان"),
    OTHER("دیگری");

    private final String persian;
    Relation(String persian) { this.persian = persian; }
    public String persian() { return persian; }
}
