package ir.line111.app.cli;

import ir.line111.core.config.Line111Config;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --config FILE}; else LINE111_CONFIG; else ./line111.properties when present. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $LINE111_CONFIG or ./line111.properties).")
    Path file;

    public Line111Config load() {
        Path f = file;
        if (f == null && System.getenv("LINE111_CONFIG") != null) f = Path.of(System.getenv("LINE111_CONFIG"));
        if (f == null && Files.exists(Path.of("line111.properties"))) f = Path.of("line111.properties");
        if (f != null && !Files.exists(f)) {
            throw new ir.line111.core.config.ConfigException(null, "configuration file " + f + " does not exist");
        }
        // Every command validates every key, so a typo is caught by the first command a person runs.
        return Line111Config.load(f, System.getenv()).validate();
    }
}
