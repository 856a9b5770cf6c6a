package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.util.UUID;

/** What one conversation adds to its agent's row of the day (none without an agent). */
record AgentCounts(LocalDate day, String channel, UUID agentId, long conversations, long humanResponseN,
        long humanResponseSeconds, long resolutionN, long resolutionSeconds, long csatN, long csatPoints)
        implements RollupWriter.Counts<AgentCounts> {

    static AgentCounts of(FactsRow row) {
        FactsRow.People people = row.people();
        if (people.agentId() == null) {
            return null;
        }
        Long human = people.humanResponseSeconds();
        Long resolution = people.personResolutionSeconds();
        Integer csat = row.csat();
        return new AgentCounts(row.day(), row.channel(), people.agentId(), 1, human == null ? 0 : 1,
                human == null ? 0 : human, resolution == null ? 0 : 1, resolution == null ? 0 : resolution,
                csat == null ? 0 : 1, csat == null ? 0 : csat);
    }

    @Override
    public boolean sameRow(AgentCounts other) {
        return day.equals(other.day) && channel.equals(other.channel) && agentId.equals(other.agentId);
    }

    @Override
    public AgentCounts minus(AgentCounts old) {
        return new AgentCounts(day, channel, agentId, conversations - old.conversations,
                humanResponseN - old.humanResponseN, humanResponseSeconds - old.humanResponseSeconds,
                resolutionN - old.resolutionN, resolutionSeconds - old.resolutionSeconds, csatN - old.csatN,
                csatPoints - old.csatPoints);
    }

    @Override
    public AgentCounts negated() {
        return new AgentCounts(day, channel, agentId, 0, 0, 0, 0, 0, 0, 0).minus(this);
    }
}
