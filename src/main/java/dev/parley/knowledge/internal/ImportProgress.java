package dev.parley.knowledge.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how far a long import got, every 10%, so a large file shows life on the console. */
final class ImportProgress {

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);
    private static final int QUIET_BELOW = 1000;

    private final String what;
    private final int total;
    private int nextPercent = 10;

    ImportProgress(String what, int total) {
        this.what = what;
        this.total = total;
    }

    void at(int done) {
        if (total < QUIET_BELOW) {
            return;
        }
        while (done * 100L / total >= nextPercent && nextPercent <= 100) {
            log.info("{}: {}% ({} of {})", what, nextPercent, done, total);
            nextPercent += 10;
        }
    }
}
