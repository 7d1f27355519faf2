package dev.meshwizard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of the design, checked on the main classes. */
@AnalyzeClasses(packages = "dev.meshwizard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.meshwizard.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("domain and command-line code must run without a display");

    @ArchTest
    static final ArchRule theUiGoesThroughTheDomainNotTheClients = noClasses()
            .that().resideInAPackage("dev.meshwizard.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "com.marcnuri..")
            .because("views talk to view-models, view-models to domain packages");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsToStandardOut = noClasses()
            .that().resideOutsideOfPackage("dev.meshwizard.cli..")
            .should().accessField(System.class, "out")
            .because("everything else logs through slf4j");

    @ArchTest
    static final ArchRule theJobRunnerIsPureJava = noClasses()
            .that().resideInAPackage("dev.meshwizard.job..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.meshwizard.ui..", "dev.meshwizard.cluster..",
                    "io.fabric8..")
            .because("background work is one small reusable mechanism");

    @ArchTest
    static final ArchRule domainPackagesDoNotKnowTheUi = noClasses()
            .that().resideInAnyPackage("dev.meshwizard.cluster..", "dev.meshwizard.job..")
            .should().dependOnClassesThat().resideInAPackage("dev.meshwizard.ui..");

    @ArchTest
    static final ArchRule viewsDoNotStartThreads = noClasses()
            .that().resideInAPackage("dev.meshwizard.ui..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().accessClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .because("background work goes through the JobRunner");
}
