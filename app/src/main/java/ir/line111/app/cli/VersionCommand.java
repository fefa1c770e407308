package ir.line111.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/line111-version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public Integer call() {
        System.out.println("line111 " + version() + " (Java " + Runtime.version() + ")");
        return 0;
    }

    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"line111 " + version()};
        }
    }
}
