package dev.parley.analytics.web;

import dev.parley.sla.SlaCompliance;

/** SLA compliance as the analytics page prints it: "75.0%" and "3 of 4 met". */
record SlaFigures(String firstResponse, String firstResponseCounts, String resolution, String resolutionCounts) {

    static SlaFigures of(SlaCompliance compliance) {
        if (compliance == null) {
            return new SlaFigures("–", "no targets", "–", "no targets");
        }
        return new SlaFigures(ReportFigures.percent(compliance.firstResponse().rate()), counts(compliance.firstResponse()),
                ReportFigures.percent(compliance.resolution().rate()), counts(compliance.resolution()));
    }

    private static String counts(SlaCompliance.Figures figures) {
        long total = figures.met() + figures.breached();
        return total == 0 ? "no target due yet" : figures.met() + " of " + total + " met";
    }
}
