package loyaltyloop.survey;

/** Names of the survey events on the bus. */
public final class SurveyEvents {

    public static final String SOURCE = "loyalty-loop.survey";
    public static final String SURVEY_COMPLETED = "SurveyCompleted";

    private SurveyEvents() {
    }
}
