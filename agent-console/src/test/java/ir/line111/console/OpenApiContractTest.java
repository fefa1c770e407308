package ir.line111.console;

import ir.line111.core.domain.cases.CaseEventType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract names every timeline type the case detail can return (CaseEventType is stored by name). */
class OpenApiContractTest {

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineTypeEnumIsExactlyCaseEventType() throws Exception {
        Map<String, Object> doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            doc = new Yaml().load(in);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) schemas.get("TimelineEvent")).get("properties");
        List<String> contract = (List<String>) ((Map<String, Object>) props.get("type")).get("enum");
        assertThat(contract).containsExactlyInAnyOrderElementsOf(Arrays.stream(CaseEventType.values()).map(Enum::name).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theErrorShapeNamesEveryValidationReasonOfCore() throws Exception {
        Map<String, Object> doc;
        try (InputStream in = getClass().getResourceAsStream("/openapi.yaml")) {
            doc = new Yaml().load(in);
        }
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        Map<String, Object> error = (Map<String, Object>) schemas.get("Error");
        assertThat((List<String>) error.get("required")).containsExactly("error", "message");
        Map<String, Object> reason = (Map<String, Object>) ((Map<String, Object>) error.get("properties")).get("reason");
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile((String) reason.get("pattern"));
        for (var r : ir.line111.core.domain.identity.NationalId.Rejection.values()) {
            assertThat(pattern.matcher("national_id." + r.name()).matches()).as(r.name()).isTrue();
        }
        for (var p : ir.line111.core.domain.tracking.TrackingCode.Problem.values()) {
            assertThat(pattern.matcher("tracking_code." + p.name()).matches()).as(p.name()).isTrue();
        }
        assertThat(pattern.matcher("national_id.NOPE").matches()).isFalse();
    }
}
