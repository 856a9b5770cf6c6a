package dev.parley.learning.internal;

import dev.parley.learning.AnswerFlagCounts;
import dev.parley.learning.FlagReason;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class FlagCounts implements AnswerFlagCounts {

    private final ProposalRepository proposals;

    FlagCounts(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Override
    public Map<FlagReason, Long> between(LocalDate from, LocalDate to) {
        Map<FlagReason, Long> counts = new EnumMap<>(FlagReason.class);
        for (FlagReason reason : FlagReason.values()) {
            counts.put(reason, 0L);
        }
        counts.putAll(proposals.flagsByReason(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        return counts;
    }
}
