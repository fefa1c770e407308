package ir.line111.recordings.speech.worker;

import ir.line111.core.config.ConfigException;
import ir.line111.recordings.speech.vosk.VoskEngine;

import java.nio.file.Path;
import java.util.Map;

/**
 * The engines {@code speech.engine} may name: a short name of a built-in engine ({@code vosk}, the
 * default) or the class name of another {@link SpeechEngine} on the class path. Resolved and checked
 * when the server starts — the class exists, is an engine, can be built from a model directory, and
 * has the capability its model is for — so a wrong key stops start-up with one line naming it
 * instead of a worker process that dies on every restart.
 */
public final class SpeechEngines {

    public static final String KEY = "speech.engine";

    private static final Map<String, Class<? extends SpeechEngine>> BUILT_IN = Map.of("vosk", VoskEngine.class);

    private SpeechEngines() {}

    /** The class the worker process loads for {@code name}, which must offer {@code capability}. */
    public static String resolve(String name, Class<? extends SpeechEngine> capability) {
        String n = name == null ? "" : name.strip();
        Class<?> engine = BUILT_IN.get(n);
        if (engine == null) {
            try {
                // Not initialised here: an engine's native library loads only in the worker process.
                engine = Class.forName(n, false, SpeechEngines.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ConfigException(KEY, "must be " + String.join(" or ", BUILT_IN.keySet())
                        + " or the class name of a speech engine, was '" + n + "'");
            }
        }
        if (!SpeechEngine.class.isAssignableFrom(engine)) {
            throw new ConfigException(KEY, n + " is not a " + SpeechEngine.class.getSimpleName());
        }
        if (!capability.isAssignableFrom(engine)) {
            throw new ConfigException(KEY, n + " cannot do what its model is for (no " + capability.getSimpleName() + ")");
        }
        try {
            engine.getConstructor(Path.class);
        } catch (NoSuchMethodException e) {
            throw new ConfigException(KEY, n + " has no public constructor taking the model directory");
        }
        return engine.getName();
    }
}
