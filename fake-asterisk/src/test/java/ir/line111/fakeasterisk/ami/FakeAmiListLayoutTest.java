package ir.line111.fakeasterisk.ami;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a caller waiting (as in ami-state-during-queue-call), the fake's list answers carry the traced
 * headers in the traced order: QueueEntry with ActionID last, CoreShowChannel with ActionID second,
 * the summary, and each Complete event.
 */
class FakeAmiListLayoutTest {

    private static List<String> names(AmiMessage m) {
        return m.headers().stream().map(AmiMessage.Header::name).toList();
    }

    @Test
    void listItemsWhileACallerWaitsHaveTheTracedLayout() throws Exception {
        Path dir = AmiTrace.defaultFolder();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared/asterisk-traces is not beside the checkout");
        List<AmiMessage> traced = AmiTrace.load(dir.resolve("ami-state-during-queue-call.trace")).messages(AmiTrace.Direction.FROM_ASTERISK);

        try (FakeAmiServer server = FakeAmiServer.builder().traceRig().start()) {
            server.call("trace-noanswer", "5551234").join(Map.of(), true);
            List<AmiMessage> got = new ArrayList<>();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("Asterisk Call Manager/11.0.0");
                out.write(("Action: Login\r\nActionID: login-1\r\nUsername: ivrctl\r\nSecret: ivrctl-secret\r\nEvents: off\r\n\r\n"
                        + "Action: CoreShowChannels\r\nActionID: csc-1\r\n\r\n"
                        + "Action: QueueStatus\r\nActionID: qs-1\r\nQueue: trace-noanswer\r\n\r\n"
                        + "Action: QueueSummary\r\nActionID: qsum-1\r\nQueue: trace-noanswer\r\n\r\n"
                        + "Action: Logoff\r\nActionID: logoff-1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                List<AmiMessage.Header> cur = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!cur.isEmpty()) got.add(new AmiMessage(cur));
                        cur = new ArrayList<>();
                        continue;
                    }
                    int c = line.indexOf(':');
                    cur.add(new AmiMessage.Header(line.substring(0, c), line.substring(c + 1).strip()));
                }
            }
            for (String event : List.of("CoreShowChannel", "CoreShowChannelsComplete", "QueueParams", "QueueMember",
                    "QueueEntry", "QueueStatusComplete", "QueueSummary", "QueueSummaryComplete")) {
                AmiMessage want = traced.stream().filter(m -> m.isEvent(event)).findFirst().orElseThrow();
                AmiMessage ours = got.stream().filter(m -> m.isEvent(event)).findFirst()
                        .orElseThrow(() -> new AssertionError("the fake sent no " + event));
                assertThat(names(ours)).as(event).isEqualTo(names(want));
            }
            AmiMessage entry = got.stream().filter(m -> m.isEvent("QueueEntry")).findFirst().orElseThrow();
            assertThat(entry.get("CallerIDNum")).isEqualTo("5551234");
            AmiMessage summary = got.stream().filter(m -> m.isEvent("QueueSummary")).findFirst().orElseThrow();
            assertThat(summary.get("Callers")).isEqualTo("1");
            // The responses that open each list read as the traced ones (Message text included).
            for (String id : List.of("csc-1", "qs-1", "qsum-1")) {
                AmiMessage want = traced.stream().filter(m -> id.equals(m.get("ActionID")) && m.has("Response")).findFirst().orElseThrow();
                AmiMessage ours = got.stream().filter(m -> id.equals(m.get("ActionID")) && m.has("Response")).findFirst().orElseThrow();
                assertThat(ours.render()).isEqualTo(want.render());
            }
        }
    }
}
