package ir.line111.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code line111 call --script offline-message.yaml}: a simulated caller (fake Asterisk) against a running backend. */
@Command(name = "call", description = "Place a simulated call against a running backend, no Asterisk needed (see fake-asterisk/README.md).")
public final class CallCommand implements Callable<Integer> {
    @Unmatched List<String> args = new java.util.ArrayList<>();
    @Parameters(arity = "0..*", hidden = true) List<String> rest = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(rest);
        return ir.line111.fakeasterisk.cli.CallCommand.run(all.toArray(String[]::new));
    }
}
