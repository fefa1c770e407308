package ir.line111.core.domain.cases;

/** An action the rules of a case do not allow now (a transition from its status, an objection before an answer). */
public final class CaseRuleException extends RuntimeException {
    public CaseRuleException(String message) {
        super(message);
    }

    public static CaseRuleException transition(CaseStatus from, CaseStatus to) {
        return new CaseRuleException("a case that is " + from + " cannot become " + to);
    }
}
