package ir.line111.asteriskconf.check;

import ir.line111.asteriskconf.Repo;
import ir.line111.asteriskconf.prompts.PromptTools;
import ir.line111.ivr.DialplanContract;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Asterisk configuration and the Java side agree: run on every build, so a renamed script,
 * context, queue or variable on either side fails here with the line that drifted.
 */
class DialplanConsistencyTest {

    static Properties defaults() throws Exception {
        var p = new Properties();
        try (InputStream in = DialplanContract.class.getClassLoader().getResourceAsStream("line111-defaults.properties")) {
            assertThat(in).as("core's line111-defaults.properties on the classpath").isNotNull();
            p.load(in);
        }
        return p;
    }

    static ConfigurationCheck.Expectations expectations() throws Exception {
        return ContractExpectations.fromContract(Integer.parseInt(defaults().getProperty("ami.port")));
    }

    static String report(List<ConfigurationCheck.Finding> findings) {
        return findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n",
                "asterisk-conf/etc/asterisk and the Java side disagree:\n", "\n"));
    }

    @Test
    void theConfigurationAgreesWithDialplanContract() throws Exception {
        var findings = ConfigurationCheck.run(Repo.etc(), Repo.catalogue(), null, expectations());
        assertThat(findings).as(report(findings)).isEmpty();
    }

    @Test
    void everyPromptTheDialplanPlaysAndEveryCatalogueKeyHasAFile() throws Exception {
        PromptTools.assumeTools();
        Path prompts = PromptTools.generateRealSet();
        var findings = ConfigurationCheck.run(Repo.etc(), Repo.catalogue(), prompts, expectations());
        assertThat(findings).as(report(findings)).isEmpty();
    }

    @Test
    void theContractMatchesTheBackendsDefaultConfiguration() throws Exception {
        Properties d = defaults();
        assertThat(d.getProperty("agi.bind")).as("agi.bind").isEqualTo(DialplanContract.AGI_HOST);
        assertThat(d.getProperty("agi.port")).as("agi.port").isEqualTo(String.valueOf(DialplanContract.AGI_PORT));
        assertThat(d.getProperty("ami.queue")).as("ami.queue").isEqualTo(DialplanContract.QUEUE_NAME);
        assertThat(d.getProperty("ami.host")).as("ami.host").isEqualTo("127.0.0.1");
    }

    @Test
    void everyPromptTheIvrPlaysHasAGeneratedFileAndBothReadersSeeTheSameKeys() throws Exception {
        PromptTools.assumeTools();
        Path prompts = PromptTools.generateRealSet();
        ir.line111.ivr.prompts.PromptCatalogue ivrView;
        try (InputStream in = java.nio.file.Files.newInputStream(Repo.catalogue())) {
            ivrView = ir.line111.ivr.prompts.PromptCatalogue.parse(in);
        }
        var ours = ir.line111.asteriskconf.prompts.PromptCatalogue.read(Repo.catalogue());
        assertThat(ours.prompts().keySet()).as("keys as asterisk-conf reads the catalogue vs as the IVR does")
                .isEqualTo(ivrView.asMap().keySet());
        for (String key : ir.line111.ivr.prompts.Prompts.ALL) {
            assertThat(prompts.resolve(key + ".wav")).as("the IVR plays %s", key).isRegularFile();
        }
    }

    @Test
    void theIvrPlaysPromptsFromTheFolderTheseFilesInstallInto() {
        // make-prompts writes sounds/line111/<key>.wav and the dialplan plays line111/<key>.
        assertThat(ir.line111.ivr.prompts.PromptCatalogue.SOUND_FOLDER).isEqualTo("line111/");
    }
}
