package dev.parley.identity.internal;

import dev.parley.cluster.RunsOnEveryNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;

/** Failed sign-ins in this node's memory: each node counts only the attempts it served. */
public class InMemoryLoginFailures implements LoginFailures {

    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryLoginFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void add(String key, Instant at, int keep, Duration window) {
        Deque<Failure> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(new Failure(at, at.plus(window)));
            while (times.size() > keep) {
                times.removeFirst();
            }
        }
    }

    @Override
    public List<Instant> after(String key, Instant after) {
        Deque<Failure> times = failures.get(key);
        if (times == null) {
            return List.of();
        }
        synchronized (times) {
            times.removeIf(failure -> !failure.at().isAfter(after));
            return times.stream().map(Failure::at).toList();
        }
    }

    @Override
    public void clear(String key) {
        failures.remove(key);
    }

    @Scheduled(fixedDelay = 60_000)
    @RunsOnEveryNode("the failure counts live in this node's memory")
    void forgetOldFailures() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                entry.getValue().removeIf(failure -> !failure.forgetAt().isAfter(now));
                return entry.getValue().isEmpty();
            }
        });
    }

    private record Failure(Instant at, Instant forgetAt) {
    }
}
