import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Run by {@code ./line111 test} after Maven (a single-file program: {@code java scripts/TestSummary.java ROOT [LOG]}).
 * Surefire keeps the reasons of skipped tests in its XML only, and a class skipped as a whole (an assumption
 * in {@code @BeforeAll}) shows as "Tests run: 0": this prints every skipped class with its reason, every class
 * in which no test ran, the WARN/ERROR lines of the run's log, and one closing line with the totals.
 */
public class TestSummary {

    private static final Pattern LOG_LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> reports;
        try (Stream<Path> s = Files.find(root, 5, (p, a) -> p.getFileName().toString().matches("TEST-.*\\.xml")
                && p.getParent().getFileName().toString().equals("surefire-reports"))) {
            reports = s.sorted().toList();
        }
        int tests = 0, failed = 0, skipped = 0;
        Map<String, List<String>> skippedByClass = new TreeMap<>();
        List<String> empty = new ArrayList<>();
        var factory = DocumentBuilderFactory.newInstance();
        for (Path report : reports) {
            Element suite = factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
            String name = suite.getAttribute("name");
            int n = Integer.parseInt(suite.getAttribute("tests"));
            tests += n;
            failed += Integer.parseInt(suite.getAttribute("failures")) + Integer.parseInt(suite.getAttribute("errors"));
            skipped += Integer.parseInt(suite.getAttribute("skipped"));
            if (n == 0) empty.add(name);
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                NodeList s = c.getElementsByTagName("skipped");
                if (s.getLength() == 0) continue;
                Element skip = (Element) s.item(0);
                String reason = skip.getAttribute("message");
                // Surefire keeps an assumption's text as the first line of the element's stack trace.
                if (reason.isBlank()) reason = skip.getTextContent().strip().lines().findFirst().orElse("")
                        .replaceFirst("^org\\.opentest4j\\.TestAbortedException: (Assumption failed: )?", "");
                skippedByClass.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(c.getAttribute("name") + ": " + (reason.isBlank() ? "(no reason given)" : reason));
            }
        }
        if (!skippedByClass.isEmpty() || !empty.isEmpty()) {
            System.out.println();
            System.out.println("Skipped:");
            skippedByClass.forEach((cls, why) -> {
                System.out.println("  " + cls);
                why.stream().distinct().forEach(w -> System.out.println("      " + w));
            });
            for (String cls : empty) {
                System.out.println("  " + cls + "\n      no test ran: the class was skipped as a whole (a class-level assumption; see its log)");
            }
        }
        if (args.length > 1) printLogNoise(Path.of(args[1]));
        int passed = tests - failed - skipped;
        System.out.println();
        System.out.printf("tests: %d passed, %d failed, %d skipped%n", passed, failed, skipped + empty.size());
    }

    /** Counts the log lines at WARN or ERROR that the tests let through to the console. */
    private static void printLogNoise(Path log) throws IOException {
        if (!Files.exists(log)) return;
        long warn = 0, error = 0;
        try (Stream<String> lines = Files.lines(log)) {
            for (String line : (Iterable<String>) lines::iterator) {
                Matcher m = LOG_LEVEL.matcher(line);
                if (!m.find()) continue;
                if (m.group(1).equals("WARN")) warn++;
                else error++;
            }
        }
        System.out.println();
        System.out.printf("log: %d WARN and %d ERROR lines reached the console (a quiet run has at most 50; expected ones are captured by the tests that provoke them)%n", warn, error);
    }
}
