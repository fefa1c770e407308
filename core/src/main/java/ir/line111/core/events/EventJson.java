package ir.line111.core.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import ir.line111.core.domain.identity.NationalId;
import ir.line111.core.domain.tracking.TrackingCode;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The one codec of the events in {@code core.domain.events}: record to JSON text and back. JSON text so
 * the same bytes travel over a clustered Vert.x event bus (String has a codec on every node; no codec to
 * register, no Java serialisation) and in one process. Field names are the records' component names;
 * a national ID and a tracking code are their digits, instants ISO-8601, enums their names. Unknown fields
 * are ignored, so a node one version ahead can add a field. Vert.x-free: core does not depend on it.
 */
public final class EventJson {
    private EventJson() {}

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("line111-events")
                    .addSerializer(NationalId.class, text(NationalId::digits))
                    .addDeserializer(NationalId.class, parsed(NationalId::new))
                    .addSerializer(TrackingCode.class, text(TrackingCode::digits))
                    .addDeserializer(TrackingCode.class, parsed(TrackingCode::new))
                    .addSerializer(Instant.class, text(Instant::toString))
                    .addDeserializer(Instant.class, parsed(Instant::parse))
                    .addSerializer(LocalDate.class, text(LocalDate::toString))
                    .addDeserializer(LocalDate.class, parsed(LocalDate::parse)))
            .build();

    /** An event (or any record of them) as JSON text. */
    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an encodable event: " + event.getClass().getName(), e);
        }
    }

    /** The event back from JSON text; {@link IllegalArgumentException} when it is not one. */
    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " event: " + e.getMessage(), e);
        }
    }

    /** The event as a tree of maps, lists and plain values, e.g. for a Vert.x {@code new JsonObject(map)}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object event) {
        return MAPPER.convertValue(event, Map.class);
    }

    private static <T> JsonSerializer<T> text(Function<T, String> f) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(f.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> parsed(Function<String, T> f) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException, JacksonException {
                String s = p.getValueAsString();
                return s == null || s.isEmpty() ? null : f.apply(s);
            }
        };
    }
}
