package ir.line111.fakeasterisk.agi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A channel's variables, the dialplan functions a script may read, caller ID, and ${...} substitution. */
final class ChannelVariables {
    private final FakeCall cfg;
    private final String channel;
    private final String uniqueId;
    private final BooleanSupplier alive;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> setByScript = new LinkedHashMap<>();
    private String callerNum;
    private String callerName;

    ChannelVariables(FakeCall cfg, String channel, String uniqueId, BooleanSupplier alive) {
        this.cfg = cfg;
        this.channel = channel;
        this.uniqueId = uniqueId;
        this.alive = alive;
        values.putAll(cfg.variables);
        callerNum = "unknown".equals(cfg.callerId) ? "" : cfg.callerId;
        callerName = "unknown".equals(cfg.callerIdName) ? "" : cfg.callerIdName;
    }

    /** Variables set by the script (SET VARIABLE, EXEC Set), last value wins. */
    Map<String, String> setByScript() {
        return setByScript;
    }

    /** GET VARIABLE: a function when the name ends with ')', else a variable; null when unset. */
    String get(String name) {
        return name.endsWith(")") ? function(name) : variable(name);
    }

    void set(String name, String value) {
        String n = name.startsWith("__") ? name.substring(2) : name.startsWith("_") ? name.substring(1) : name;
        values.put(n, value);
        setByScript.put(n, value);
    }

    private String variable(String name) {
        return switch (name) {
            case "CHANNEL" -> channel;
            case "UNIQUEID" -> uniqueId;
            case "CONTEXT" -> cfg.context;
            case "EXTEN" -> cfg.extension;
            case "PRIORITY" -> cfg.priority;
            case "HANGUPCAUSE" -> Integer.toString(alive.getAsBoolean() ? 0 : cfg.hangupCause);
            case "EPOCH" -> Long.toString(System.currentTimeMillis() / 1000);
            default -> values.get(name);
        };
    }

    /** The dialplan functions a FastAGI script of this project may read; others fail (result=0). */
    private String function(String expr) {
        int open = expr.indexOf('(');
        if (open <= 0 || !expr.endsWith(")")) {
            return null;
        }
        String fn = expr.substring(0, open).toUpperCase(Locale.ROOT);
        String arg = expr.substring(open + 1, expr.length() - 1).toLowerCase(Locale.ROOT);
        return switch (fn) {
            case "CALLERID" -> switch (arg) {
                case "num", "number" -> callerNum;
                case "name" -> callerName;
                case "all" -> callerName.isEmpty() ? (callerNum.isEmpty() ? "" : "<" + callerNum + ">")
                        : "\"" + callerName + "\" <" + callerNum + ">";
                default -> null;
            };
            case "CHANNEL" -> switch (arg) {
                case "name" -> channel;
                case "language" -> cfg.language;
                case "accountcode" -> cfg.accountCode;
                case "uniqueid" -> uniqueId;
                case "state" -> alive.getAsBoolean() ? "Up" : "Down";
                default -> null;
            };
            default -> null;
        };
    }

    /** ${...} substitution as GET FULL VARIABLE does it (unset is empty). */
    String substitute(String s) {
        StringBuilder outText = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("${", i)) {
                int depth = 1;
                int j = i + 2;
                while (j < s.length() && depth > 0) {
                    if (s.startsWith("${", j)) {
                        depth++;
                        j += 2;
                        continue;
                    }
                    if (s.charAt(j) == '}') {
                        depth--;
                    }
                    j++;
                }
                if (depth != 0) {
                    outText.append(s, i, s.length());
                    break;
                }
                String inner = substitute(s.substring(i + 2, j - 1));
                String v = inner.endsWith(")") ? function(inner) : variable(inner);
                outText.append(v == null ? "" : v);
                i = j;
            } else {
                outText.append(s.charAt(i++));
            }
        }
        return outText.toString();
    }

    /** ast_callerid_parse + ast_shrink_phone_number, enough for "Name <number>", "number" and "Name". */
    void setCallerId(String s) {
        int lt = s.indexOf('<');
        int gt = s.lastIndexOf('>');
        String name;
        String num;
        if (lt >= 0 && gt > lt) {
            name = s.substring(0, lt).trim();
            num = s.substring(lt + 1, gt).trim();
        } else if (s.trim().matches("[0-9+()\\-. ]+")) {
            name = "";
            num = s.trim();
        } else {
            name = s.trim();
            num = "";
        }
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        callerName = name;
        callerNum = num.replaceAll("[()\\-. ]", "");
    }
}
