package ir.line111.asteriskconf.check;

import ir.line111.ivr.DialplanContract;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The check's expectations, taken from the Java side's DialplanContract and nowhere else. */
final class ContractExpectations {
    private ContractExpectations() {}

    /** Every VAR_* constant: a new variable in the contract is checked without touching this test. */
    static Set<String> contractVariables() { return constants("VAR_"); }

    /** Every NEXT_* value the entry script may leave in VAR_NEXT. */
    static Set<String> nextValues() { return constants("NEXT_"); }

    private static Set<String> constants(String prefix) {
        return Arrays.stream(DialplanContract.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getName().startsWith(prefix) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static ConfigurationCheck.Expectations fromContract(int amiPort) {
        return new ConfigurationCheck.Expectations(
                DialplanContract.AGI_HOST, DialplanContract.AGI_PORT,
                DialplanContract.SCRIPT_ENTRY, DialplanContract.SCRIPT_AFTER_QUEUE,
                DialplanContract.CONTEXT_INBOUND, DialplanContract.INBOUND_EXTENSION,
                DialplanContract.CONTEXT_QUEUE, DialplanContract.CONTEXT_AFTER_QUEUE, DialplanContract.CONTEXT_FALLBACK,
                DialplanContract.QUEUE_NAME, contractVariables(),
                DialplanContract.VAR_NEXT, nextValues(), DialplanContract.NEXT_QUEUE,
                DialplanContract.VAR_CONVERSATION_FILE, amiPort);
    }
}
