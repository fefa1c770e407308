package ir.line111.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code line111 call --script offline-message.yaml}: a simulated caller (fake Asterisk) against a running backend. */
@Command(name = "call", description = "Place a simulated call against a running backend, no Asterisk needed (see fake-asterisk/README.md).")
public final class CallCommand implements Callable<Integer> {
    /**
     * Every argument, in the order given: the fake caller parses them itself. (A separate list for
     * positional values put "--script --port" before "F P", so F read as an unknown option.)
     */
    @Unmatched List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        return ir.line111.fakeasterisk.cli.CallCommand.run(args.toArray(String[]::new));
    }
}
