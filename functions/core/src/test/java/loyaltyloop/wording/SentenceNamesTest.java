package loyaltyloop.wording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import loyaltyloop.testing.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class SentenceNamesTest {

    @Test
    void everyShippedSentenceHasANameThatSetsItAlone() {
        for (String key : ShippedSentences.of("en").keySet()) {
            String name = SentenceNames.nameOf(key);
            assertThat(name).as(key).matches("[a-z][A-Za-z0-9]*");
            List<String> keys = SentenceNames.all().get(name);
            assertThat(keys).as(name).contains(key);
            if (!ShippedSentences.of("en").containsKey(key + ".named")) {
                assertThat(keys).as(name).containsExactly(key);
            }
        }
    }

    @Test
    void theNamesTheIssueAndTheDocsUseSetTheirSentences() {
        Map<String, List<String>> names = SentenceNames.all();
        assertThat(names.get("followUpSubject")).hasSize(8).allMatch(key -> key.startsWith("followup.subject."));
        assertThat(names.get("thankYouSubject")).containsExactly("affirmation.repeat.subject",
                "affirmation.repeat.subject.named", "affirmation.welcome.subject", "affirmation.welcome.subject.named");
        assertThat(names.get("surveyIntro")).containsExactly("survey.intro");
        assertThat(names.get("surveySubject")).containsExactly("survey.subject", "survey.subject.named");
        assertThat(names.get("surveySubjectNamed")).containsExactly("survey.subject.named");
        assertThat(names.get("serviceRecoverySubject")).containsExactly("survey.recovery.subject");
        assertThat(names.get("ownerAlertSubject")).containsExactly("survey.alert.subject");
        assertThat(names.get("signOff")).containsExactly("common.signOff");
        assertThat(names.get("unsubscribeLink")).containsExactly("common.unsubscribe.link");
        assertThat(names.get("pointsNoteTenureAndTop")).containsExactly("points.note.tenure+top");
    }

    /** So "the most specific name wins" always has one answer: two names' sentences never partly overlap. */
    @Test
    void twoNamesSetEitherNoSentenceInCommonOrOneSetsASubsetOfTheOther() {
        List<Map.Entry<String, List<String>>> all = new ArrayList<>(SentenceNames.all().entrySet());
        for (int i = 0; i < all.size(); i++) {
            Set<String> a = new HashSet<>(all.get(i).getValue());
            for (int j = i + 1; j < all.size(); j++) {
                Set<String> b = new HashSet<>(all.get(j).getValue());
                Set<String> common = new HashSet<>(a);
                common.retainAll(b);
                assertThat(common.isEmpty() || (a.containsAll(b) && a.size() > b.size())
                        || (b.containsAll(a) && b.size() > a.size()))
                        .as(all.get(i).getKey() + " and " + all.get(j).getKey()).isTrue();
            }
        }
    }

    @Test
    void twoKeysThatWouldShareANameAreRefusedWhenTheNamesAreMade() {
        assertThatThrownBy(() -> SentenceNames.build(Set.of("survey.page.title", "survey.pageTitle")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("surveyPageTitle");
    }

    @Test
    void aKeyAndItsNameSetTheSameSentence() {
        assertThat(SentenceNames.keysOf("followup.subject.product.named"))
                .isEqualTo(SentenceNames.keysOf("followUpSubjectProductNamed"));
        assertThat(SentenceNames.keysOf("followUpSubjekt")).isEmpty();
    }
}
