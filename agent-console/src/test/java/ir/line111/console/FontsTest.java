package ir.line111.console;

import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console serves its own Vazirmatn (module console-fonts, from npm at build time) and its CSS uses it. */
class FontsTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    @Test
    void vazirmatnIsServedAndTheStylesheetDeclaresIt() throws Exception {
        String css = fx.browser().get("/css/app.css").body();
        Matcher m = Pattern.compile("@font-face\\s*\\{[^}]*font-family:\\s*'?Vazirmatn'?;[^}]*url\\('(/fonts/Vazirmatn-[A-Za-z]+\\.woff2)'\\)").matcher(css);
        int faces = 0;
        HttpClient http = HttpClient.newHttpClient();
        while (m.find()) {
            faces++;
            HttpResponse<byte[]> font = http.send(HttpRequest.newBuilder(URI.create(fx.base() + m.group(1))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(font.statusCode()).as(m.group(1)).isEqualTo(200);
            assertThat(font.headers().firstValue("Content-Type").orElse("")).as(m.group(1)).contains("woff2");
            assertThat(new String(font.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).as("WOFF2 signature of " + m.group(1)).isEqualTo("wOF2");
            assertThat(font.body().length).as(m.group(1)).isGreaterThan(20_000);
        }
        assertThat(faces).as("@font-face rules for Vazirmatn in app.css").isGreaterThanOrEqualTo(2);
        assertThat(css).containsPattern("--font:\\s*Vazirmatn,");
        assertThat(fx.browser().get("/fonts/OFL.txt").body()).as("the font's licence travels with it").contains("SIL OPEN FONT LICENSE");
    }
}
