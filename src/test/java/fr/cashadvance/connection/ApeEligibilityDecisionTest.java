package fr.cashadvance.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of processes/ape-eligibility.dmn, evaluated by the DMN engine itself. */
class ApeEligibilityDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = ApeEligibilityDecisionTest.class.getClassLoader()
                .getResourceAsStream("processes/ape-eligibility.dmn")) {
            decision = engine.parseDecision("ape-eligibility", dmn);
        }
    }

    @ParameterizedTest(name = "{0} eligible={1}")
    @CsvSource({
            "64.19Z, false, financières",
            "65.11Z, false, financières",
            "66.12Z, false, financières",
            "68.10Z, false, Marchands de biens",
            "68.20A, false, location immobilière",
            "68.20B, false, location immobilière",
            "84.11Z, false, Administration publique",
            "92.00Z, false, Jeux de hasard",
            "94.99Z, false, associatives",
            "97.00Z, false, ménages",
            "98.10Z, false, ménages",
            "99.00Z, false, extra-territoriales",
            "68.31Z, true, éligible",
            "62.01Z, true, éligible",
            "10.71C, true, éligible",
            "63.11Z, true, éligible",
            "93.12Z, true, éligible"})
    void decidesPerSector(String apeCode, boolean eligible, String reasonPart) {
        var result = engine.evaluateDecisionTable(decision, Map.of("apeCode", apeCode,
                "division", Integer.parseInt(apeCode.substring(0, 2)))).getSingleResult();

        assertThat(result.<Boolean>getEntry("eligible")).isEqualTo(eligible);
        assertThat(result.<String>getEntry("reason")).contains(reasonPart);
    }
}
