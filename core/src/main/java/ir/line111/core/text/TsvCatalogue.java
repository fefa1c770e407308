package ir.line111.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one format of the Persian text catalogues (the IVR's prompts, the SMS texts): one line per
 * {@code key<TAB>Persian text<TAB>note}, '#' lines and blank lines are comments, keys are lower-case
 * words joined by '-', each key once and never without a text. People edit these files; a mistake
 * stops the start with the line number instead of reaching a caller.
 */
public final class TsvCatalogue {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private TsvCatalogue() {}

    /** The texts by key, in file order; {@code name} names the catalogue in the errors. */
    public static Map<String, String> parse(InputStream in, String name) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", -1);
            if (cols.length < 2) throw new IllegalStateException(name + " line " + n + ": expected key<TAB>text<TAB>note");
            String key = cols[0].strip();
            String text = cols[1].strip();
            if (!KEY.matcher(key).matches()) throw new IllegalStateException(name + " line " + n + ": bad key '" + key + "'");
            if (text.isEmpty()) throw new IllegalStateException(name + " line " + n + ": key " + key + " has no text");
            if (texts.putIfAbsent(key, text) != null) throw new IllegalStateException(name + " line " + n + ": duplicate key " + key);
        }
        return texts;
    }

    /** A catalogue from the class path of {@code owner}; {@code whenMissing} says why it could be absent. */
    public static Map<String, String> load(Class<?> owner, String resource, String whenMissing) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " " + whenMissing);
            return parse(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
