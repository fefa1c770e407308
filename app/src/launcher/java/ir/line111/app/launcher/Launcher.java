package ir.line111.app.launcher;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's Main-Class, compiled for Java 8 (a maven-compiler execution of its own) so that an older
 * Java can load it and say in one line what to do, instead of an UnsupportedClassVersionError on
 * {@code ir.line111.app.Main} (class file version 69). On Java 25 or newer it hands over to that Main.
 */
public final class Launcher {
    static final int NEEDED = 25;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int major = major(System.getProperty("java.specification.version"));
        if (major < NEEDED) {
            System.err.println(message(major, System.getProperty("java.home")));
            System.exit(1);
            return;
        }
        Method main = Class.forName("ir.line111.app.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static String message(int major, String javaHome) {
        String java = javaHome == null ? "java" : javaHome + File.separator + "bin" + File.separator + "java";
        return "line111 needs Java " + NEEDED + " or newer; this is Java " + major + " (" + java + "). "
                + "Run ./line111 run, or set JAVA_HOME to a JDK " + NEEDED + ".";
    }

    /** "1.8" is 8, "17" is 17; anything unreadable counts as too old. */
    static int major(String specification) {
        if (specification == null) return 0;
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = s.indexOf('.');
        if (dot >= 0) s = s.substring(0, dot);
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
