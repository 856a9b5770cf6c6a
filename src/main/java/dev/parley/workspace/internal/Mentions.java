package dev.parley.workspace.internal;

import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds the agents an internal note mentions. An active agent answers to {@code @} followed by their email's local
 * part ({@code @ana.lima} for ana.lima@acme.com), their name without spaces or with dots ({@code @AnaLima},
 * {@code @ana.lima}), or their first name when no other active agent shares it; any case. An email address in the
 * text is not a mention, and a handle that fits nobody is plain text.
 */
@Component
public class Mentions {

    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}._%+@-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*)");

    private final Agents agents;

    Mentions(Agents agents) {
        this.agents = agents;
    }

    /** The mentioned agents, each once, in the order the note names them. */
    public List<Agent> in(String text) {
        return List.copyOf(matches(text).values().stream().distinct().toList());
    }

    /** The handles in the text that name an agent, lower case, for highlighting. */
    public Set<String> handlesIn(String text) {
        return matches(text).keySet();
    }

    /** The handle the dashboard suggests for an agent: their email's local part. */
    public static String handleOf(Agent agent) {
        return agent.email().substring(0, agent.email().indexOf('@')).toLowerCase(Locale.ROOT);
    }

    private Map<String, Agent> matches(String text) {
        Map<String, Agent> found = new LinkedHashMap<>();
        if (text == null || text.indexOf('@') < 0) {
            return found;
        }
        Map<String, Agent> directory = directory();
        Matcher m = HANDLE.matcher(text);
        while (m.find()) {
            String handle = m.group(1).replaceAll("[._-]+$", "").toLowerCase(Locale.ROOT);
            Agent agent = directory.get(handle);
            if (agent != null) {
                found.putIfAbsent(handle, agent);
            }
        }
        return found;
    }

    private Map<String, Agent> directory() {
        List<Agent> active = agents.all().stream().filter(Agent::active).toList();
        Map<String, Agent> directory = new LinkedHashMap<>();
        Map<String, List<Agent>> firstNames = new LinkedHashMap<>();
        for (Agent agent : active) {
            for (String handle : handles(agent)) {
                directory.putIfAbsent(handle, agent);
            }
            String name = agent.name() == null ? "" : agent.name().strip();
            if (!name.isEmpty()) {
                firstNames.computeIfAbsent(name.split("\\s+")[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(agent);
            }
        }
        firstNames.forEach((first, named) -> {
            if (named.size() == 1) {
                directory.putIfAbsent(first, named.getFirst());
            }
        });
        return directory;
    }

    private static Set<String> handles(Agent agent) {
        Set<String> handles = new LinkedHashSet<>();
        handles.add(handleOf(agent));
        String name = agent.name() == null ? "" : agent.name().strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            handles.add(name.replaceAll("\\s+", ""));
            handles.add(name.replaceAll("\\s+", "."));
        }
        return handles;
    }
}
