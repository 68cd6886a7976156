package loyaltyloop.local;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import loyaltyloop.local.LocalTemplate.Rule;
import software.amazon.event.ruler.Machine;

/** The template's {@code EventBridgeRule} patterns in AWS's own matcher (event-ruler), as EventBridge uses them. */
final class EventRules {

    private final Machine machine = new Machine();
    private final Map<String, Rule> byName = new HashMap<>();

    EventRules(List<Rule> rules) {
        for (Rule rule : rules) {
            try {
                machine.addRule(rule.name(), rule.patternJson());
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("bad EventBridge pattern in " + rule.name() + ": " + e.getMessage(), e);
            }
            byName.put(rule.name(), rule);
        }
    }

    /** The rules whose pattern matches the event (its full EventBridge JSON), in a stable order. */
    List<Rule> matching(String eventJson) {
        return machine.rulesForEvent(eventJson).stream().sorted().map(byName::get).toList();
    }

    /** The rules of {@code bus} ({@link Rule#DEFAULT_BUS} or {@link Rule#LOOP_BUS}) that match the event. */
    List<Rule> matching(String eventJson, String bus) {
        return matching(eventJson).stream().filter(rule -> bus.equals(rule.bus())).toList();
    }

    int size() {
        return byName.size();
    }
}
