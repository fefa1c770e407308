package ir.line111.fakeasterisk.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One AMI message (action, response or event): header lines in the order they go on the wire. Order
 * matters because Asterisk 22's order differs by message kind (ActionID last in list items, first in
 * CoreShowChannel) and the fake answers byte for byte as the traces show.
 */
public record AmiMessage(List<Header> headers) {

    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public AmiMessage {
        headers = List.copyOf(headers);
    }

    /** {@code of("Event", "Ping", "ActionID", "x")}: names and values alternating. */
    public static AmiMessage of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must pair up");
        List<Header> h = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) h.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        return new AmiMessage(h);
    }

    /** The first value of a header, names compared case-insensitively as Asterisk does; null when absent. */
    public String get(String name) {
        for (Header h : headers) if (h.name().equalsIgnoreCase(name)) return h.value();
        return null;
    }

    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Header h : headers) if (h.name().equalsIgnoreCase(name)) out.add(h.value());
        return out;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** Replaces the first header of that name, or appends it. */
    public AmiMessage with(String name, String value) {
        List<Header> h = new ArrayList<>(headers);
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).name().equalsIgnoreCase(name)) {
                h.set(i, new Header(h.get(i).name(), value));
                return new AmiMessage(h);
            }
        }
        h.add(new Header(name, value));
        return new AmiMessage(h);
    }

    /** Appends {@code ActionID} when the action had one: Asterisk echoes it, and leaves it out when absent. */
    public AmiMessage withId(String actionId) {
        if (actionId == null) return this;
        List<Header> h = new ArrayList<>(headers);
        h.add(new Header("ActionID", actionId));
        return new AmiMessage(h);
    }

    /** Inserts a header just after the first header named {@code after} (appends when absent). */
    public AmiMessage withAfter(String after, String name, String value) {
        List<Header> h = new ArrayList<>(headers);
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).name().equalsIgnoreCase(after)) {
                h.add(i + 1, new Header(name, value));
                return new AmiMessage(h);
            }
        }
        h.add(new Header(name, value));
        return new AmiMessage(h);
    }

    public AmiMessage without(String name) {
        return new AmiMessage(headers.stream().filter(x -> !x.name().equalsIgnoreCase(name)).toList());
    }

    /** Rewrites a literal in every value: used to move a traced call onto another queue, number or unique id. */
    public AmiMessage replaceInValues(String from, String to) {
        return new AmiMessage(headers.stream().map(x -> new Header(x.name(), x.value().replace(from, to))).toList());
    }

    public String eventName() {
        return get("Event");
    }

    public boolean isEvent(String name) {
        return name.equalsIgnoreCase(Objects.toString(get("Event"), ""));
    }

    /** The wire form: {@code Name: value\r\n} per header, then the empty line that ends every AMI message. */
    public String render() {
        StringBuilder sb = new StringBuilder(headers.size() * 32);
        for (Header h : headers) sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        return sb.append("\r\n").toString();
    }

    @Override
    public String toString() {
        return render().replace("\r\n", " | ");
    }
}
