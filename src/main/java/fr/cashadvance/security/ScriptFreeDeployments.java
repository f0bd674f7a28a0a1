package fr.cashadvance.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import org.w3c.dom.Node;

/**
 * The engine runs only what this project deploys, and the project deploys no script: any
 * deployment holding one (script task, script listener, script condition, script input/output
 * mapping, external script resource, or a DMN expression in a script language) is refused, so
 * that an account allowed to deploy cannot run code on the server through a model.
 *
 * <p>LIMITATION: JUEL expressions (${bean.method(execution)}) stay allowed, since the journeys
 * call their Spring beans that way; whoever may deploy can still call any bean. Only Camunda
 * administrators hold the deployment permission.
 */
@Component
public class ScriptFreeDeployments extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new NoScriptsInBpmn());
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new NoScriptsInDmn());
    }

    /** Walks the whole BPMN document once it is parsed; one refusal lists every script. */
    static final class NoScriptsInBpmn extends AbstractBpmnParseListener {

        @Override
        public void parseRootElement(Element root, List<ProcessDefinitionEntity> definitions) {
            List<String> found = new ArrayList<>();
            List<Element> where = new ArrayList<>();
            collect(root, null, found, where);
            if (!found.isEmpty()) {
                // A parse error, not a crash: the engine REST API answers 400 with the line.
                throw new BpmnParseException("Deployment refused: this engine runs no "
                        + "scripts, and the BPMN holds " + String.join(", ", found),
                        where.get(0));
            }
        }

        private static void collect(Element element, String ownerId, List<String> found,
                                    List<Element> where) {
            String id = element.attribute("id") != null ? element.attribute("id") : ownerId;
            String tag = element.getTagName();
            String what = null;
            if ("scriptTask".equals(tag)) {
                what = "script task " + id;
            } else if ("script".equals(tag)) {
                what = "a script in " + id;
            } else if (("conditionExpression".equals(tag) || "condition".equals(tag))
                    && !isBlank(element.attribute("language"))) {
                what = "a script condition in " + id;
            }
            if (what != null) {
                found.add(what + " (line " + element.getLine() + ")");
                where.add(element);
            }
            for (Element child : element.elements()) {
                collect(child, id, found, where);
            }
        }
    }

    /**
     * DMN decides in FEEL (the default) or JUEL; any other expression language is a script
     * engine (JavaScript, Groovy...), refused before the decision is parsed.
     */
    static final class NoScriptsInDmn implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (deployment.getResources() == null) {
                return;
            }
            List<String> found = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                String name = resource.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                    scriptLanguages(resource.getBytes(), found);
                    if (!found.isEmpty()) {
                        String message = "Deployment refused: this engine runs no scripts, and "
                                + resource.getName() + " uses " + String.join(", ", found);
                        throw new ParseException(message, resource.getName(),
                                List.of(new Refusal(message)), List.of());
                    }
                }
            }
        }

        static void scriptLanguages(byte[] xml, List<String> found) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setExpandEntityReferences(false);
                walk(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
                        .getDocumentElement(), found);
            } catch (Exception e) {
                throw new ProcessEngineException("Deployment refused: unreadable DMN", e);
            }
        }

        private static void walk(Node node, List<String> found) {
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                return;
            }
            var language = ((org.w3c.dom.Element) node).getAttribute("expressionLanguage");
            if (!language.isBlank() && !isExpressionLanguage(language)) {
                found.add("expression language '" + language + "'");
            }
            for (Node child = node.getFirstChild(); child != null;
                 child = child.getNextSibling()) {
                walk(child, found);
            }
        }

        private static boolean isExpressionLanguage(String language) {
            String l = language.strip().toLowerCase(Locale.ROOT);
            return l.contains("feel") || l.equals("juel");
        }
    }

    /** The DMN refusal as a parse problem, which the engine REST API answers with 400. */
    record Refusal(String message) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return null;
        }

        @Override
        public List<String> getElementIds() {
            return List.of();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
