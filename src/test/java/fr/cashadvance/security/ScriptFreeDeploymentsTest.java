package fr.cashadvance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.cashadvance.financing.JourneyTestSupport;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** Whoever may deploy cannot bring a script in: every kind of script is refused at deploy. */
class ScriptFreeDeploymentsTest extends JourneyTestSupport {

    @Autowired RepositoryService repository;


    private static String process(String id, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    targetNamespace="http://cash-advance.local/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Work" />
                    %s
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Work" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, body);
    }

    private void refused(String resource, String xml, String expected) {
        assertThatThrownBy(() -> repository.createDeployment().name("probe")
                .addString(resource, xml).deploy())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Deployment refused")
                .hasMessageContaining(expected);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe_script")
                .count()).isZero();
    }

    @Test
    void aScriptTaskIsRefused() {
        refused("probe.bpmn", process("probe_script", """
                <bpmn:scriptTask id="Task_Work" scriptFormat="juel">
                  <bpmn:script>${1 + 1}</bpmn:script>
                </bpmn:scriptTask>"""), "script task Task_Work");
    }

    @Test
    void anExternalScriptResourceIsRefused() {
        refused("probe.bpmn", process("probe_script", """
                <bpmn:scriptTask id="Task_Work" scriptFormat="javascript"
                    camunda:resource="https://example.invalid/run.js" />"""),
                "script task Task_Work");
    }

    @Test
    void aScriptListenerIsRefused() {
        refused("probe.bpmn", process("probe_script", """
                <bpmn:userTask id="Task_Work">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create">
                      <camunda:script scriptFormat="juel">${task.setName('x')}</camunda:script>
                    </camunda:taskListener>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="groovy" resource="deployment://x.groovy" />
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>"""), "a script in Task_Work");
    }

    @Test
    void aScriptInputMappingIsRefused() {
        refused("probe.bpmn", process("probe_script", """
                <bpmn:serviceTask id="Task_Work" camunda:expression="${true}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="x">
                        <camunda:script scriptFormat="juel">${2}</camunda:script>
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>"""), "a script in Task_Work");
    }

    @Test
    void aScriptConditionIsRefused() {
        String xml = process("probe_script", "<bpmn:task id=\"Task_Work\" />").replace(
                "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Work\" targetRef=\"End\" />",
                """
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Work" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
                      language="groovy">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""");
        refused("probe.bpmn", xml, "a script condition in Flow_2");
    }

    @Test
    void aDecisionInAScriptLanguageIsRefused() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    id="Probe" name="Probe" namespace="http://cash-advance.local/test">
                  <decision id="probe_decision" name="Probe">
                    <literalExpression expressionLanguage="javascript">
                      <text>1 + 1</text>
                    </literalExpression>
                  </decision>
                </definitions>
                """;
        refused("probe.dmn", dmn, "expression language 'javascript'");
        assertThat(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("probe_decision").count()).isZero();
    }

    @Test
    void aModelWithoutScriptsDeploys() {
        var deployment = repository.createDeployment().name("probe")
                .addString("clean.bpmn", process("probe_clean",
                        "<bpmn:serviceTask id=\"Task_Work\" camunda:expression=\"${true}\" />"))
                .deploy();
        try {
            assertThat(repository.createProcessDefinitionQuery()
                    .processDefinitionKey("probe_clean").count()).isEqualTo(1);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void anAdministratorDeployingAScriptThroughRestIsRefused() {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("deployment-name", "probe");
        form.add("data", new ByteArrayResource(process("probe_script", """
                <bpmn:scriptTask id="Task_Work" scriptFormat="juel">
                  <bpmn:script>${1 + 1}</bpmn:script>
                </bpmn:scriptTask>""").getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "test-password");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        var response = rest.postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Deployment refused", "script task Task_Work");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe_script")
                .count()).isZero();
    }
}
