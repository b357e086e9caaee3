package io.attendance.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which ring may depend on which, proved on the bytecode of every module's main classes. Each rule is
 * its own test so one broken rule does not hide another; ArchUnit's failOnEmptyShould stays on (its
 * default), and {@link #everyRingHasClasses} guards against rules aimed at packages that do not exist.
 */
@AnalyzeClasses(packages = "io.attendance", importOptions = ArchitectureTest.MainCodeOnly.class)
class ArchitectureTest {
    static final String DOMAIN = "io.attendance.domain..";
    static final String APPLICATION = "io.attendance.application..";
    static final String POSTGRES = "io.attendance.adapter.postgres..";
    static final String REDIS = "io.attendance.adapter.redis..";
    static final String ARGON2 = "io.attendance.adapter.argon2..";
    static final String HTTP = "io.attendance.adapter.http..";
    static final String BOOTSTRAP = "io.attendance.bootstrap..";
    static final String EMBEDDED = "io.attendance.embedded..";
    static final String TESTING = "io.attendance.testing..";

    /**
     * The service's production code only: neither test-classes directories nor the modules' test-jars,
     * nor the generated client, which calls the service over HTTP from outside (tests use it) and
     * names its models as the OpenAPI document does.
     */
    static final class MainCodeOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar")
                    && !location.contains("/io/attendance/client/");
        }
    }

    @ArchTest
    static void everyRingHasClasses(JavaClasses classes) {
        for (String ring : new String[] {DOMAIN, APPLICATION, POSTGRES, REDIS, ARGON2, HTTP, BOOTSTRAP, EMBEDDED, TESTING}) {
            assertThat(classes.that(resideInAPackage(ring)))
                    .as("classes in %s", ring)
                    .isNotEmpty();
        }
    }

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java that JVM services embed as a library");

    @ArchTest
    static final ArchRule applicationDependsOnTheDomainOnly = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "javax.crypto..")
            .because("use cases orchestrate ports and never see a framework type (the JDK's HMAC signs page cursors)");

    @ArchTest
    static final ArchRule applicationCapabilitiesAreFreeOfCycles = slices()
            .matching("io.attendance.application.(*)..")
            .should().beFreeOfCycles()
            .because("records, employees, access and sync each build on the shared reading and writing machinery, "
                    + "never on one another in a loop");

    @ArchTest
    static final ArchRule applicationCapabilitiesNeverUseTheEntryPoints = noClasses()
            .that().resideInAPackage("io.attendance.application.*..")
            .should().dependOnClassesThat().resideInAPackage("io.attendance.application")
            .because("Attendance and UseCases wire the capability packages; a package that reached back to them "
                    + "would close a cycle the slices above cannot see");

    @ArchTest
    static final ArchRule testingDependsOnTheDomainJUnitAndAssertJOnly = classes().that().resideInAPackage(TESTING)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TESTING, DOMAIN, "java..", "org.junit..",
                    "org.assertj..")
            .because("hosts test their own adapters against the contracts and the in-memory store, beside whatever "
                    + "else they run; it brings nothing of ours but the domain");

    @ArchTest
    static final ArchRule noProductionCodeUsesTheTestingArtifact = noClasses().that().resideOutsideOfPackage(TESTING)
            .should().dependOnClassesThat().resideInAPackage(TESTING)
            .because("the in-memory store and the contracts are for tests and demos; the service runs on real adapters");

    @ArchTest
    static final ArchRule testLibrariesOnlyInTheTestingArtifact = noClasses().that().resideOutsideOfPackage(TESTING)
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..")
            .because("the contracts are the one production code built on JUnit and AssertJ; the service never loads them");

    @ArchTest
    static final ArchRule ringsPointInwards = onionArchitecture()
            .domainModels("io.attendance.domain.model..", "io.attendance.domain.error..")
            .domainServices("io.attendance.domain.port..")
            .applicationServices(APPLICATION)
            .adapter("postgres", POSTGRES)
            .adapter("redis", REDIS)
            .adapter("argon2", ARGON2)
            .adapter("http", HTTP)
            .adapter("testing (in memory)", TESTING)
            .ignoreDependency(resideInAPackage(BOOTSTRAP), alwaysTrue())
            .because("dependencies point inwards and adapters never use one another; bootstrap alone wires them");

    @ArchTest
    static final ArchRule nothingDependsOnBootstrap = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap wires everything and nothing wires bootstrap");

    @ArchTest
    static final ArchRule embeddedServersDependOnNothingOfOurs = noClasses().that().resideInAPackage(EMBEDDED)
            .should().dependOnClassesThat(resideInAPackage("io.attendance..").and(resideOutsideOfPackage(EMBEDDED)))
            .because("the embedded servers are a tool that bootstrap and the tests pick up; they know nothing of "
                    + "the service");

    @ArchTest
    static final ArchRule onlyBootstrapStartsEmbeddedServers = noClasses()
            .that().resideOutsideOfPackages(BOOTSTRAP, EMBEDDED)
            .should().dependOnClassesThat().resideInAPackage(EMBEDDED)
            .because("in production the adapters talk to the servers they are given; only bootstrap's embedded mode "
                    + "starts servers of its own");

    @ArchTest
    static final ArchRule javalinOnlyInTheHttpAdapter = noClasses().that().resideOutsideOfPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule jdbcLibrariesOnlyInThePostgresAdapter = noClasses().that().resideOutsideOfPackage(POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jdbi..", "com.zaxxer..", "liquibase..", "org.postgresql..");

    @ArchTest
    static final ArchRule sqlOnlyInThePostgresAdapterAndTheEmbeddedServers = noClasses()
            .that().resideOutsideOfPackages(POSTGRES, EMBEDDED)
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("the embedded PostgreSQL sets up its own roles; everything else reaches SQL through the ports");

    @ArchTest
    static final ArchRule jedisOnlyInTheRedisAdapter = noClasses().that().resideOutsideOfPackage(REDIS)
            .should().dependOnClassesThat().resideInAPackage("redis.clients..");

    @ArchTest
    static final ArchRule bouncyCastleOnlyInTheArgon2Adapter = noClasses().that().resideOutsideOfPackage(ARGON2)
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("password hashing is the argon2 adapter's concern; the rest sees the PasswordHashing port");

    @ArchTest
    static final ArchRule zonkyAndEmbeddedRedisOnlyInTheEmbeddedServers = noClasses()
            .that().resideOutsideOfPackage(EMBEDDED)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.zonky..", "redis.embedded..", "org.apache.commons.compress..", "org.tukaani..")
            .because("the libraries that run PostgreSQL and Redis from Maven artifacts serve embedded mode and the "
                    + "tests; the adapters' production code talks to servers it is given");

    @ArchTest
    static final ArchRule guiceOnlyInBootstrap = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..");

    @ArchTest
    static final ArchRule logbackOnlyInBootstrap = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
            .because("everything logs through SLF4J; bootstrap alone picks and sets up the backend");

    @ArchTest
    static final ArchRule jacksonOnlyWhereJsonIsWritten = noClasses()
            .that().resideOutsideOfPackages(HTTP, REDIS)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON is the HTTP adapter's concern, and the Redis adapter's for cached values");

    @ArchTest
    static final ArchRule exceptionsBecomeHttpAnswersInOneClass = noClasses()
            .that().doNotHaveSimpleName("ErrorResponses")
            .should().callMethodWhere(target(nameMatching("exception|error"))
                    .and(target(owner(resideInAPackage("io.javalin..")))))
            .because("domain errors are mapped to HTTP status and body in exactly one place");

    @ArchTest
    static final ArchRule persistenceRowsArePrivateRecordsOfThePostgresAdapter = classes()
            .that().haveSimpleNameEndingWith("Row").and().resideInAPackage("io.attendance..")
            .should().resideInAPackage(POSTGRES).andShould().notBePublic().andShould().beRecords()
            .because("rows are the adapter's translation detail; the rest of the code sees domain objects");

    @ArchTest
    static void noTwoClassesShareASimpleName(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream()
                .filter(JavaClass::isTopLevelClass)
                .collect(Collectors.groupingBy(JavaClass::getSimpleName,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        assertThat(byName.values()).as("top-level classes sharing a simple name")
                .allSatisfy(sameName -> assertThat(sameName).hasSize(1));
    }

    @ArchTest
    static final ArchRule v1CodeNeverUsesV2Code = noClasses().that().resideInAPackage(HTTP).and().haveSimpleNameStartingWith("V1")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("V2")
            .because("the OT v1 contract is kept exactly and must not move when v2 changes");

    @ArchTest
    static final ArchRule v2CodeNeverUsesV1Code = noClasses().that().resideInAPackage(HTTP).and().haveSimpleNameStartingWith("V2")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("V1")
            .because("v2 is its own contract; what both share lives in classes named for neither");

    @ArchTest
    static final ArchRule postgresAdaptersAreNamedForTheirTechnology = classes().that().resideInAPackage(POSTGRES)
            .and().implement(resideInAPackage("io.attendance.domain.port.."))
            .should().haveSimpleNameStartingWith("Postgres")
            .because("an adapter is named for its technology and the port it implements: PostgresEmployees");

    @ArchTest
    static final ArchRule redisAdaptersAreNamedForTheirTechnology = classes().that().resideInAPackage(REDIS)
            .and().implement(resideInAPackage("io.attendance.domain.port.."))
            .should().haveSimpleNameStartingWith("Redis")
            .because("an adapter is named for its technology and the port it implements: RedisReadCache");

    @ArchTest
    static final ArchRule argon2AdaptersAreNamedForTheirTechnology = classes().that().resideInAPackage(ARGON2)
            .and().implement(resideInAPackage("io.attendance.domain.port.."))
            .should().haveSimpleNameStartingWith("Argon2")
            .because("an adapter is named for its technology and the port it implements: Argon2PasswordHashing");

    @ArchTest
    static final ArchRule commandsAreRecords = classes().that().resideInAPackage(APPLICATION)
            .and().haveSimpleNameEndingWith("Command")
            .should().beRecords()
            .because("a command is a value a use case receives, validated when it is made");

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noGenericExceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule onlyBootstrapHasAMainMethod = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().haveSimpleName("Main");
}
