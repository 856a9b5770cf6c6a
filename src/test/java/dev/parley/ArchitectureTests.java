package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.cluster.RunsOnEveryNode;
import java.util.HashMap;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** What Spring Modulith does not check: where libraries may be used and how web code is shaped. */
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule langChainOnlyInAssistantAndKnowledge = noClasses()
            .that().resideOutsideOfPackages("dev.parley.assistant..", "dev.parley.knowledge..", "dev.parley.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
            .because("AI libraries stay behind the assistant and knowledge modules and the training engine");

    @ArchTest
    static final ArchRule modelRuntimeOnlyInTheEngine = noClasses()
            .that().resideOutsideOfPackage("dev.parley.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl..")
            .because("the model runtime and its native calls are the engine's (ADR 0033)");

    @ArchTest
    static final ArchRule luceneOnlyInKnowledgeAndAssistant = noClasses()
            .that().resideOutsideOfPackages("dev.parley.knowledge..", "dev.parley.assistant..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
            .because("the search index is the knowledge module's business");

    @ArchTest
    static final ArchRule mailLibrariesOnlyInMail = noClasses()
            .that().resideOutsideOfPackage("dev.parley.mail..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
            .because("the mail module owns the wire format; channels and notifications use its records");

    @ArchTest
    static final ArchRule objectStoreClientOnlyInStorage = noClasses()
            .that().resideOutsideOfPackage("dev.parley.storage..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("modules keep files through FileStorage, whatever holds them");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().notBePublic()
            .because("controllers are entry points, not API for other modules");

    @ArchTest
    static final ArchRule jdbcStaysInRepositories = noClasses()
            .that().resideInAnyPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
            .because("web code talks to module APIs, not to the database");

    @ArchTest
    static final ArchRule scheduledJobsRunOnceAcrossTheClusterOrSayWhyNot = methods()
            .that().areAnnotatedWith(Scheduled.class)
            .should().beAnnotatedWith(SchedulerLock.class).orShould().beAnnotatedWith(RunsOnEveryNode.class)
            .because("several nodes share one database: a job runs once across the cluster (ADR 0014), or it"
                    + " looks after per-node state and says so");

    @ArchTest
    static void clusterLocksHaveOneNameEachAndAnUpperBound(JavaClasses classes) {
        Map<String, String> owners = new HashMap<>();
        for (var javaClass : classes) {
            for (JavaMethod method : javaClass.getMethods()) {
                if (!method.isAnnotatedWith(SchedulerLock.class)) {
                    continue;
                }
                SchedulerLock lock = method.getAnnotationOfType(SchedulerLock.class);
                String where = method.getFullName();
                if (lock.name().isBlank() || lock.lockAtMostFor().isBlank()) {
                    throw new AssertionError(where + " needs a lock name and lockAtMostFor (how long a dead node"
                            + " may keep the job from running)");
                }
                String other = owners.putIfAbsent(lock.name(), where);
                if (other != null) {
                    throw new AssertionError("lock name " + lock.name() + " used by " + other + " and " + where);
                }
            }
        }
    }
}
