package ir.line111.fakeasterisk.agi;

import java.util.ArrayList;
import java.util.List;

/** Which sound files a command plays. */
final class Prompts {
    private Prompts() {}

    static List<String> played(AgiCommand c) {
        if (!c.known()) {
            return List.of();
        }
        return switch (c.verb()) {
            case "STREAM FILE", "GET DATA", "GET OPTION", "CONTROL STREAM FILE" ->
                    c.arg(2) == null ? List.of() : List.of(c.arg(2));
            case "EXEC" -> {
                String app = c.arg(1);
                if (app != null && (app.equalsIgnoreCase("Playback") || app.equalsIgnoreCase("Background"))
                        && c.arg(2) != null) {
                    String files = c.arg(2).split(",", -1)[0];
                    List<String> out = new ArrayList<>();
                    for (String f : files.split("&")) {
                        if (!f.isEmpty()) {
                            out.add(f);
                        }
                    }
                    yield out;
                }
                yield List.of();
            }
            default -> List.of();
        };
    }

    /** "main-menu" matches "main-menu", "line111/main-menu" and "sounds/line111/main-menu". */
    static boolean nameMatches(String file, String name) {
        return file.equals(name) || file.endsWith("/" + name);
    }
}
