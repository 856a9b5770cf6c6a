package dev.parley.sla;

import dev.parley.sla.internal.SlaClockRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** SLA compliance over the conversations created on the days {@code from}..{@code to} (UTC), for the analytics. */
@Service
public class SlaReports {

    private final SlaClockRepository clocks;
    private final Clock clock;

    SlaReports(SlaClockRepository clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    public SlaCompliance compliance(LocalDate from, LocalDate to, String channel, UUID teamId) {
        SlaClockRepository.Compliance c = clocks.compliance(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), channel, teamId, clock.instant());
        return new SlaCompliance(SlaCompliance.Figures.of(c.firstMet(), c.firstBreached()),
                SlaCompliance.Figures.of(c.resolutionMet(), c.resolutionBreached()));
    }
}
