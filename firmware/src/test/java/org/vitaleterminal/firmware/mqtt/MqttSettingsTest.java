package org.vitaleterminal.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitaleterminal.firmware.config.ConfigException;
import org.vitaleterminal.firmware.config.Configuration;
import org.vitaleterminal.firmware.event.TerminalIdentity;

/** Settings from terminal.properties: every bad value is reported by key, source and expected form. */
class MqttSettingsTest {
    @TempDir
    Path dir;

    private MqttSettings load(String properties) throws Exception {
        Path file = Files.writeString(dir.resolve("terminal.properties"), properties);
        Configuration config = Configuration.load(file, Map.of());
        return MqttSettings.from(config, TerminalIdentity.fromConfiguration(config));
    }

    private String problem(String properties) {
        return assertThrows(ConfigException.class, () -> load(properties)).getMessage();
    }

    @Test
    void plainSettings() throws Exception {
        MqttSettings settings = load("mqtt.url=tcp://127.0.0.1:1883\nsite.id=750012345\nterminal.id=pharma-0042-t1\n"
                + "mqtt.telemetryInterval=PT30S\n");
        assertEquals("vt/v1/750012345/pharma-0042-t1/fse", settings.topics().fse());
        assertEquals("vt/v1/750012345/pharma-0042-t1/status", settings.topics().status());
        assertEquals(Duration.ofSeconds(30), settings.telemetryInterval());
        assertTrue(settings.tls().isEmpty());
    }

    @Test
    void badValuesNameTheKey() {
        String ids = "site.id=s\nterminal.id=t\n";
        assertTrue(problem("mqtt.url=http://x:1\n" + ids).startsWith("mqtt.url (file "), "scheme");
        assertTrue(problem("mqtt.url=tcp://host\n" + ids).contains("mqtt.url"), "port missing");
        assertTrue(problem("mqtt.url=tcp://h:1\nsite.id=a/b\nterminal.id=t\n").startsWith("site.id"), "a / in an id");
        assertTrue(problem("mqtt.url=tcp://h:1\nsite.id=s\nterminal.id=#\n").startsWith("terminal.id"), "a wildcard in an id");
        assertTrue(problem("mqtt.url=tcp://h:1\n" + ids + "mqtt.telemetryInterval=PT0S\n").startsWith("mqtt.telemetryInterval"));
        assertTrue(problem("mqtt.url=tcp://h:1\n" + ids + "mqtt.cert=c.pem\nmqtt.key=k.pem\n").contains("not ssl://"),
                "a client key never goes out in clear");
        assertTrue(problem(ids).startsWith("mqtt.url"), "missing url");
    }

    @Test
    void tlsFileProblemsNameKeyAndFile() throws Exception {
        TestPki pki = new TestPki(Files.createDirectories(dir.resolve("pki")));
        TestPki.Identity t1 = pki.client("t-1");
        TestPki.Identity t2 = pki.client("t-2");
        String base = "mqtt.url=ssl://localhost:8883\nsite.id=s\nterminal.id=t-1\nmqtt.ca=" + pki.caFile() + "\n";
        assertTrue(load(base + "mqtt.cert=" + t1.cert() + "\nmqtt.key=" + t1.key() + "\n").tls().isPresent());

        String missingCa = problem("mqtt.url=ssl://localhost:8883\nsite.id=s\nterminal.id=t\nmqtt.ca=" + dir.resolve("none.pem") + "\n");
        assertTrue(missingCa.startsWith("mqtt.ca (") && missingCa.contains("none.pem"), missingCa);
        String keyAsCa = problem("mqtt.url=ssl://localhost:8883\nsite.id=s\nterminal.id=t\nmqtt.ca=" + t1.key() + "\n");
        assertTrue(keyAsCa.startsWith("mqtt.ca (") && keyAsCa.contains("found none"), keyAsCa);
        String certAsKey = problem(base + "mqtt.cert=" + t1.cert() + "\nmqtt.key=" + t1.cert() + "\n");
        assertTrue(certAsKey.startsWith("mqtt.key (") && certAsKey.contains("private key"), certAsKey);
        String mismatch = problem(base + "mqtt.cert=" + t1.cert() + "\nmqtt.key=" + t2.key() + "\n");
        assertTrue(mismatch.startsWith("mqtt.key (") && mismatch.contains("does not belong"), mismatch);
        String half = problem(base + "mqtt.cert=" + t1.cert() + "\n");
        assertTrue(half.startsWith("mqtt.cert (") && half.contains("both"), half);
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
        String broken = problem("mqtt.url=ssl://localhost:8883\nsite.id=s\nterminal.id=t\nmqtt.ca=" + garbage + "\n");
        assertTrue(broken.startsWith("mqtt.ca (") && broken.contains("garbage.pem"), broken);
    }
}
