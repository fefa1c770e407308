package ir.line111.asteriskconf.prompts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * prompts/catalogue.tsv read with the same rules as asterisk-conf/bin/make-prompts: lines
 * {@code key<TAB>text<TAB>note}, {@code #} comments, keys of lower-case letters, digits and dashes.
 */
public record PromptCatalogue(Map<String, Prompt> prompts, List<String> problems) {

    public record Prompt(String key, String text, String note, int line) {}

    public static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static PromptCatalogue read(Path file) throws IOException {
        var prompts = new LinkedHashMap<String, Prompt>();
        var problems = new ArrayList<String>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            int no = i + 1;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 2) { problems.add(file.getFileName() + ":" + no + ": no tab; lines are key<TAB>text<TAB>note"); continue; }
            if (!KEY.matcher(f[0]).matches()) { problems.add(file.getFileName() + ":" + no + ": key '" + f[0] + "' is not lower-case letters, digits and dashes"); continue; }
            if (f[1].isBlank()) { problems.add(file.getFileName() + ":" + no + ": key '" + f[0] + "' has no text"); continue; }
            if (prompts.containsKey(f[0])) { problems.add(file.getFileName() + ":" + no + ": key '" + f[0] + "' appears twice"); continue; }
            prompts.put(f[0], new Prompt(f[0], f[1], f.length > 2 ? f[2] : "", no));
        }
        return new PromptCatalogue(Map.copyOf(prompts), List.copyOf(problems));
    }
}
