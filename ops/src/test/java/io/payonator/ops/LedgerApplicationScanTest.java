package io.payonator.ops;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.stereotype.Component;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * {@link LedgerApplication} scans only the packages that hold beans: a bean added anywhere else would
 * silently be left out of every ledger. The service's package has a scan of its own.
 */
@AnalyzeClasses(packages = "io.payonator", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerApplicationScanTest {

    @ArchTest
    static final ArchRule everyBeanIsInAScannedPackage = classes().that().areMetaAnnotatedWith(Component.class)
            .and().resideOutsideOfPackage("io.payonator.ops.web..")
            .and().doNotHaveFullyQualifiedName(LedgerApplication.class.getName())
            .should().resideInAnyPackage(scannedPackages());

    /** The scan's packages with their subpackages, in ArchUnit's notation. */
    private static String[] scannedPackages() {
        ComponentScan scan = LedgerApplication.class.getAnnotation(ComponentScan.class);
        return Arrays.stream(scan.basePackages()).map(name -> name + "..").toArray(String[]::new);
    }
}
