package ir.line111.asteriskconf;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository: surefire passes line111.repo.root; IDE runs walk up. */
public final class Repo {
    private Repo() {}

    public static Path root() {
        String prop = System.getProperty("line111.repo.root");
        if (prop != null && Files.isRegularFile(Path.of(prop, "prompts", "catalogue.tsv"))) return Path.of(prop);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("prompts/catalogue.tsv"))) return p;
        }
        throw new IllegalStateException("cannot find the repository root (prompts/catalogue.tsv) from " + Path.of("").toAbsolutePath());
    }

    public static Path etc() { return root().resolve("asterisk-conf/etc/asterisk"); }

    public static Path catalogue() { return root().resolve("prompts/catalogue.tsv"); }

    public static Path makePrompts() { return root().resolve("asterisk-conf/bin/make-prompts"); }

    public static Path generatedPrompts() { return root().resolve("asterisk-conf/target/sounds/line111"); }
}
