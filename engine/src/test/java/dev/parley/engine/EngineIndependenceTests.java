package dev.parley.engine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine is a plain library: the application depends on it, never the other way round (ADR 0033). */
@AnalyzeClasses(packages = "dev.parley.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineIndependenceTests {

    @ArchTest
    static final ArchRule noSpringNoPersistenceAndNoOtherParleyCode = noClasses()
            .that().resideInAPackage("dev.parley.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..")
            .orShould().dependOnClassesThat(
                    resideInAPackage("dev.parley..").and(not(resideInAPackage("dev.parley.engine.."))));
}
