package dev.meshwizard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.meshwizard.(**)").should().beFreeOfCycles()
            .because("each package is a floor: it may use the floors below it, never the ones above");

    @ArchTest
    static final ArchRule theDomainNeverReachesTheWindowOrTheCommandLine = noClasses()
            .that().resideInAnyPackage("dev.meshwizard.plan..", "dev.meshwizard.render..", "dev.meshwizard.mesh..",
                    "dev.meshwizard.samples..", "dev.meshwizard.observe..", "dev.meshwizard.diff..",
                    "dev.meshwizard.charts..", "dev.meshwizard.job..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.meshwizard.ui..", "dev.meshwizard.cli..");

    @ArchTest
    static final ArchRule onlyTheClusterPackagesTalkToTheApiServer = noClasses()
            .that().resideOutsideOfPackage("dev.meshwizard.cluster..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are fabric8's client, its DSL or informers",
                    c -> (c.getPackageName().equals("io.fabric8.kubernetes.client")
                            || c.getPackageName().startsWith("io.fabric8.kubernetes.client.dsl")
                            || c.getPackageName().startsWith("io.fabric8.kubernetes.client.informers"))
                            && !c.getSimpleName().equals("KubernetesClientException")))
            .because("everything that reaches a cluster goes through cluster's session (fabric8's model and "
                    + "serialization are plain data and may be used anywhere)");

    @ArchTest
    static final ArchRule helmJavaOnlyWhereChartsAreRenderedOrInstalled = noClasses()
            .that().resideOutsideOfPackages("dev.meshwizard.render..", "dev.meshwizard.charts..",
                    "dev.meshwizard.cluster.helm..")
            .should().dependOnClassesThat().resideInAPackage("com.marcnuri.helm..")
            .because("offline rendering, chart sources and releases are the only Helm work");

    @ArchTest
    static final ArchRule onlyTheJobPackageMakesThreads = noClasses()
            .that().resideOutsideOfPackage("dev.meshwizard.job..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().accessClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .because("background work and long-lived readers get their threads from job");
}
