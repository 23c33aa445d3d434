package io.jenkins.plugins.perfgate.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.perfgate.engine.runner.plan.GeneratorSpec;
import org.junit.jupiter.api.Test;

class AgentsRunTest {

    @Test
    void anAgentsNameBecomesAGeneratorNameTheRunAccepts() {
        assertEquals("linux-7", AgentsRun.generatorName("linux-7"));
        assertEquals("build_box__2_", AgentsRun.generatorName("build box (2)"));
        assertEquals(64, AgentsRun.generatorName("x".repeat(100)).length());
        // what the agent's perfgate run then checks and uses as its generator's id (InfluxDB's generator tag)
        String name = AgentsRun.generatorName("build box (2)");
        assertEquals(name, GeneratorSpec.local(1).withOption(GeneratorSpec.NAME_OPTION, name).localId(0));
    }
}
