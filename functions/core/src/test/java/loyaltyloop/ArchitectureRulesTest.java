package loyaltyloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import loyaltyloop.email.EmailSender;
import loyaltyloop.email.EmailTemplates;
import loyaltyloop.shops.ShopStore;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * The shape of core (docs/architecture.md): feature packages that depend on each other one way only, storage and
 * AWS inside the adapters, HTTP at the edge. A rule broken here names the class and the dependency that broke it.
 */
@UnitTest
class ArchitectureRulesTest {

    /** The feature packages: the domain, tested without any AWS or HTTP type. */
    static final String[] FEATURES = {"loyaltyloop.affirmation..", "loyaltyloop.coupons..", "loyaltyloop.customers..",
        "loyaltyloop.followup..", "loyaltyloop.intake..", "loyaltyloop.orders..", "loyaltyloop.owner..",
        "loyaltyloop.points..", "loyaltyloop.referral..", "loyaltyloop.shops..", "loyaltyloop.stats..",
        "loyaltyloop.survey..", "loyaltyloop.ladder..", "loyaltyloop.wording..", "loyaltyloop.preview.."};

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("loyaltyloop");

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        // The generated template classes take each feature's view model: they are the templates, not email/'s code.
        slices().matching("loyaltyloop.(*)..").should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("loyaltyloop.email.templates.."),
                        DescribedPredicate.alwaysTrue())
                .check(CORE);
    }

    @Test
    void awsSdkTypesStayInTheAdapters() {
        noClasses().that().resideOutsideOfPackages("loyaltyloop.dynamodb..", "loyaltyloop.aws..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
                .check(CORE);
    }

    @Test
    void featuresKnowNothingOfStorageOrTheEdge() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("loyaltyloop.dynamodb..", "loyaltyloop.aws..",
                        "loyaltyloop.platforms..", "loyaltyloop.http..", "loyaltyloop.lambda..")
                .check(CORE);
    }

    @Test
    void featuresSpeakNoHttp() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..",
                        "com.amazonaws.services.lambda.runtime.events..")
                .orShould().dependOnClassesThat().resideInAnyPackage("loyaltyloop.http..")
                .check(CORE);
        noFields().that().areDeclaredInClassesThat().resideInAnyPackage(FEATURES)
                .and().haveName("status")
                .should().haveRawType(int.class)
                .check(CORE);
    }

    @Test
    void onlyAFeaturesEmailsAndPagesRenderHtml() {
        noClasses().that().resideInAnyPackage(FEATURES)
                .and().haveSimpleNameNotEndingWith("Email")
                .and().haveSimpleNameNotEndingWith("Emails")
                .and().haveSimpleNameNotEndingWith("Page")
                .should().callMethod(EmailTemplates.class, "renderHtml", String.class, Object.class)
                .orShould().callMethod(EmailTemplates.class, "renderHtml", String.class, Object.class,
                        loyaltyloop.email.BrandHeader.class)
                .check(CORE);
    }

    @Test
    void handlerWiringIsTheOnlyWayIntoTheLambdaBase() {
        noClasses().that().resideInAnyPackage(FEATURES).or().resideInAnyPackage("loyaltyloop.email..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.function.aws.MicronautRequestHandler")
                .check(CORE);
    }

    @Test
    void everyEmailPathLoadsItsShopsThroughTheMailRule() {
        // An uninstalled shop gets no mail of any kind: code that sends email sees shops only through
        // ShopStore.findForMail / allForMail, which apply Shop.mailAllowed.
        DescribedPredicate<JavaClass> sendsEmail = DescribedPredicate.describe("send email",
                c -> c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().isEquivalentTo(EmailSender.class)));
        noClasses().that(sendsEmail).and().resideOutsideOfPackages("loyaltyloop.aws..", "loyaltyloop.email..")
                .should().callMethod(ShopStore.class, "find", String.class)
                .orShould().callMethod(ShopStore.class, "all")
                .check(CORE);
    }
}
