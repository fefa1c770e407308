package ir.line111.core.config;

/** A configuration value that cannot be used; the message names the key and its environment variable. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(key == null ? problem : "configuration key '" + key + "' (" + Line111Config.envName(key) + "): " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
