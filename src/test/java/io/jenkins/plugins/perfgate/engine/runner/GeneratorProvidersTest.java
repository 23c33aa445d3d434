package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.generators.BuiltInGenerators;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorProvidersTest {

    private static GeneratorProvider named(String type) {
        return new GeneratorProvider() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public GeneratorFleet start(LaunchContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void theBuiltInRegistryHasLocalAndJMeterServers() {
        GeneratorProviders providers = BuiltInGenerators.providers();
        assertTrue(providers.types().containsAll(Set.of("local", "jmeter-servers")), providers.types().toString());
        assertEquals("local", providers.forType("local").type());
    }

    @Test
    void withAddsToACopyAndLeavesTheOriginalAlone() {
        GeneratorProviders base = GeneratorProviders.of(List.of(named("a")));
        GeneratorProvider b = named("b");
        GeneratorProviders more = base.with(b);
        assertSame(b, more.forType("b"));
        assertEquals(Set.of("a"), base.types());
        assertEquals(Set.of("a", "b"), more.types());
    }

    @Test
    void aLaterProviderOfTheSameTypeWins() {
        GeneratorProvider second = named("a");
        assertSame(second, GeneratorProviders.of(List.of(named("a"), second)).forType("a"));
    }

    @Test
    void anUnknownTypeNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneratorProviders.of(List.of(named("a"), named("b"))).forType("k8s"));
        assertEquals("unknown generators.type 'k8s' (known: a, b)", e.getMessage());
    }
}
