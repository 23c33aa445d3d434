package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of a build's {@link CheckOutcome}s ({@code failed.json}: an array of objects). */
final class CheckOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckOutcomes() {
    }

    static String toJson(List<CheckOutcome> outcomes) throws IOException {
        ArrayNode a = JSON.createArrayNode();
        for (CheckOutcome c : outcomes) {
            ObjectNode n = a.addObject();
            n.put("criterion", c.criterion());
            n.put("label", c.label());
            n.put("outcome", c.outcome());
            n.put("detail", c.detail());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(a) + "\n";
    }

    static List<CheckOutcome> fromJson(String text, String source) throws IOException {
        JsonNode a = JSON.readTree(text);
        if (a == null || !a.isArray()) {
            throw new IOException(source + ": expected a JSON array of failed criteria");
        }
        List<CheckOutcome> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            JsonNode n = a.get(i);
            if (!n.path("criterion").isTextual() || !n.path("outcome").isTextual()) {
                throw new IOException(source + ": entry " + (i + 1) + " needs 'criterion' and 'outcome' texts");
            }
            out.add(new CheckOutcome(n.path("criterion").asText(), n.path("label").asText(""),
                    n.path("outcome").asText(), n.path("detail").asText("")));
        }
        return out;
    }
}
