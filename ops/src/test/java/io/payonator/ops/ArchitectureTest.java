package io.payonator.ops;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Who may use whom. Messages are shared by both sides; the command side and the query side never see each
 * other; ops wires them. Inside ops, a storage backend is a package of its own that only the places choosing
 * a backend name.
 */
@AnalyzeClasses(packages = "io.payonator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sidesMeetOnlyThroughTheMessages = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("messages").definedBy("io.payonator.api..")
            .layer("command side").definedBy("io.payonator.command..")
            .layer("query side").definedBy("io.payonator.query..")
            .layer("ops").definedBy("io.payonator.ops..")
            .whereLayer("ops").mayNotBeAccessedByAnyLayer()
            .whereLayer("command side").mayOnlyBeAccessedByLayers("ops")
            .whereLayer("query side").mayOnlyBeAccessedByLayers("ops")
            .whereLayer("messages").mayOnlyBeAccessedByLayers("command side", "query side", "ops");

    @ArchTest
    static final ArchRule eventsNeedNoCommandOrQuery = noClasses().that().resideInAPackage("io.payonator.api.event..")
            .should().dependOnClassesThat().resideInAnyPackage("io.payonator.api.command..", "io.payonator.api.query..");

    @ArchTest
    static final ArchRule commandsNeedNoQuery = noClasses().that().resideInAPackage("io.payonator.api.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.payonator.api.query..");

    @ArchTest
    static final ArchRule queriesNeedNoCommand = noClasses().that().resideInAPackage("io.payonator.api.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.payonator.api.command..");

    @ArchTest
    static final ArchRule backendsDoNotKnowEachOther = slices().matching("io.payonator.ops.ledger.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule sharedStorageCodeNamesNoBackend = noClasses().that().resideInAPackage("io.payonator.ops.ledger")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.payonator.ops.ledger.sqlite..", "io.payonator.ops.ledger.postgres..");

    @ArchTest
    static final ArchRule onlyTheChoosersNameABackend = noClasses()
            .that().resideOutsideOfPackages("io.payonator.ops.ledger..", "io.payonator.ops.cli..",
                    "io.payonator.ops.bench..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.payonator.ops.ledger.sqlite..", "io.payonator.ops.ledger.postgres..");

    @ArchTest
    static final ArchRule theServiceIsStartedOnlyFromTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("io.payonator.ops.web..", "io.payonator.ops.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.payonator.ops.web..");

    @ArchTest
    static final ArchRule theCommandLineIsTheTop = noClasses().that().resideOutsideOfPackage("io.payonator.ops.cli..")
            .and().doNotHaveFullyQualifiedName(Payonator.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("io.payonator.ops.cli..");
}
