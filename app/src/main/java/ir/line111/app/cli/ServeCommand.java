package ir.line111.app.cli;

import ir.line111.app.Backend;
import ir.line111.app.cli.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Run the whole backend: FastAGI, AMI client, console (the default).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() throws InterruptedException {
        Backend backend = Backend.start(config.load(), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run shutdown hooks: stop accepting calls, let calls in progress finish or
        // register what they recorded, then close the database.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("line111-shutdown").unstarted(() -> {
            backend.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
