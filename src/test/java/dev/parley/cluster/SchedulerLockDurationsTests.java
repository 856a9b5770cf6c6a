package dev.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Duration;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

/**
 * ShedLock refuses a lock whose minimum is longer than its maximum, every time the job is due: the job then never
 * runs and the scheduler logs an error each time (the help-center view clean-up did, seen in the load harness's log).
 */
class SchedulerLockDurationsTests {

    @Test
    void noJobHoldsItsLockLongerAtLeastThanAtMost() {
        List<JavaMethod> jobs = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.parley").stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(SchedulerLock.class))
                .toList();

        assertThat(jobs).isNotEmpty();
        assertThat(jobs).allSatisfy(job -> {
            SchedulerLock lock = job.getAnnotationOfType(SchedulerLock.class);
            if (literal(lock.lockAtLeastFor()) && literal(lock.lockAtMostFor())) {
                assertThat(Duration.parse(lock.lockAtLeastFor()))
                        .as("%s: lockAtLeastFor %s, lockAtMostFor %s", job.getFullName(), lock.lockAtLeastFor(),
                                lock.lockAtMostFor())
                        .isLessThanOrEqualTo(Duration.parse(lock.lockAtMostFor()));
            }
        });
    }

    private static boolean literal(String duration) {
        return duration.startsWith("PT") || duration.startsWith("P");
    }
}
