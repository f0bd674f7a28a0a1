package fr.cashadvance.security;

import fr.cashadvance.lender.IbanMasking;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps full IBANs out of the engine's history: a text variable holding one (a Tasklist start
 * form sends what the user typed) is written to history masked to its last 4 characters.
 * The journeys keep IBANs in the domain tables only and drop such variables once read.
 */
// LIMITATION: only text variables are masked; serialized Java and JSON variables are not
// scanned (the journeys write none that holds an IBAN).
@Component
public class IbanFreeHistory extends AbstractProcessEnginePlugin {

    /** Typed in a form, an IBAN may come in lower case or in groups of four. */
    private static final Pattern IBAN_LIKE = Pattern.compile(
            "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        // Custom handlers run before the engine's database handler, on the same event object.
        configuration.getCustomHistoryEventHandlers().add(0, new MaskingHandler());
    }

    /** Each IBAN-looking run of characters in the text, in any case, masked. */
    public static String maskIbans(String text) {
        return IbanMasking.maskAllIn(text, IBAN_LIKE);
    }

    static final class MaskingHandler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity update) {
                update.setTextValue(maskIbans(update.getTextValue()));
                update.setTextValue2(maskIbans(update.getTextValue2()));
            }
        }

        @Override
        public void handleEvents(java.util.List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
