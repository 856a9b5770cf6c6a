package dev.parley.sla;

/**
 * How many SLA targets were met and breached (definitions in docs/analytics.md): a target counts once it has an
 * outcome — met in time, met late, or still unmet past its due time; {@code rate} = met ÷ (met + breached), null
 * when none has an outcome yet.
 */
public record SlaCompliance(Figures firstResponse, Figures resolution) {

    public record Figures(long met, long breached, Double rate) {

        static Figures of(long met, long breached) {
            return new Figures(met, breached, met + breached == 0 ? null : (double) met / (met + breached));
        }
    }
}
