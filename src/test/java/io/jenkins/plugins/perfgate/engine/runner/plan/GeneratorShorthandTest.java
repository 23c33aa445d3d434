package io.jenkins.plugins.perfgate.engine.runner.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorShorthandTest {

    @Test
    void local() {
        assertEquals(new GeneratorShorthand.Local(3), GeneratorShorthand.parse("local:3"));
        assertEquals(new GeneratorShorthand.Local(1), GeneratorShorthand.parse("  LOCAL: 1 "));
        assertEquals(new GeneratorShorthand.Local(64), GeneratorShorthand.parse("local:64"));
        assertEquals("local:2", GeneratorShorthand.parse("local:2").text());
    }

    @Test
    void servers() {
        GeneratorShorthand s = GeneratorShorthand.parse("servers:10.0.0.5, h2:2000\nh3");
        assertEquals(new GeneratorShorthand.Servers(List.of("10.0.0.5:1099", "h2:2000", "h3:1099")), s);
        assertEquals("servers:10.0.0.5:1099,h2:2000,h3:1099", s.text());
        assertEquals(List.of("[::1]:1099"), ((GeneratorShorthand.Servers) GeneratorShorthand.parse("servers:[::1]:1099"))
                .hosts());
    }

    @Test
    void splitHosts() {
        assertEquals(List.of("a", "b:1", "c"), GeneratorShorthand.splitHosts(" a,b:1 \n c,,"));
        assertEquals(List.of(), GeneratorShorthand.splitHosts(null));
    }

    @Test
    void errorsNameTheOffendingText() {
        assertEquals("'agents:linux' is not local:N or servers:HOST[:PORT],...", error("agents:linux"));
        assertEquals("'local' is not local:N or servers:HOST[:PORT],...", error("local"));
        assertEquals("'' is not local:N or servers:HOST[:PORT],...", error(null));
        assertEquals("local:x: local:N needs a number, got 'x'", error("local:x"));
        assertEquals("local:0: local generators must be 1 to 64", error("local:0"));
        assertEquals("local:65: local generators must be 1 to 64", error("local:65"));
        assertEquals("servers: , names no host (servers:HOST[:PORT],...)", error("servers: ,"));
        assertEquals("servers:ok:1, b@d: 'b@d' is not a host or host:port", error("servers:ok:1, b@d"));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorShorthand.Servers(List.of()));
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> GeneratorShorthand.parse(text)).getMessage();
    }
}
