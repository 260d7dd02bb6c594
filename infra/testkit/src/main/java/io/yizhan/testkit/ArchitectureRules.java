package io.yizhan.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps: the domain (each feature package itself) holds records,
 * rules and use cases with no Spring, R2DBC or Kafka types; adapters live in {@code web},
 * {@code persistence}, {@code messaging} and {@code schedule} (timers) sub-packages; wiring lives
 * in the application's root package.
 */
public final class ArchitectureRules {

  /** Fails with every violation found under {@code basePackage}. */
  public static void check(String basePackage) {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(basePackage);
    noClasses()
        .that().resideInAPackage(basePackage + ".*..")
        .and().resideOutsideOfPackages("..web..", "..persistence..", "..messaging..", "..schedule..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "io.r2dbc..", "org.apache.kafka..", "tools.jackson..")
        .as("the domain of " + basePackage + " has no framework types")
        .check(classes);
    noClasses()
        .that().resideInAPackage(basePackage + ".*..")
        .and().resideOutsideOfPackage("..web..")
        .should().dependOnClassesThat().resideInAPackage("..web..")
        .allowEmptyShould(true)
        .as("nothing outside the web adapters depends on them")
        .check(classes);
  }

  private ArchitectureRules() {}
}
