package io.vortex.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vortex.dag.TaskSpec;
import io.vortex.execution.TryPlan.PulledXCom;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskMappingTest {

    private static final RunXComs NO_XCOMS = new RunXComs(List.of());

    @Test
    void severalArgumentsMapOverTheirProductWithTheLastVaryingFastest() throws Exception {
        TaskSpec task = mapped("{\"x\": [1, 2], \"y\": [\"a\", \"b\", \"c\"]}", "null");

        assertThat(TaskMapping.expand(task, NO_XCOMS).count()).isEqualTo(6);
        assertThat(TaskMapping.argumentsOf(task, 0, NO_XCOMS).literal().toString()).isEqualTo("{\"x\":1,\"y\":\"a\"}");
        assertThat(TaskMapping.argumentsOf(task, 2, NO_XCOMS).literal().toString()).isEqualTo("{\"x\":1,\"y\":\"c\"}");
        assertThat(TaskMapping.argumentsOf(task, 4, NO_XCOMS).literal().toString()).isEqualTo("{\"x\":2,\"y\":\"b\"}");
    }

    @Test
    void anUpstreamXComIsMappedOverAndAMappedUpstreamCountsAsOneListByMapIndex() throws Exception {
        TaskSpec task = mapped("{\"x\": {\"xcom_arg\": {\"task_id\": \"make\", \"key\": \"return_value\"}}}", "null");
        RunXComs xcoms = new RunXComs(List.of(new PulledXCom("make", 1, "return_value", "20"),
                new PulledXCom("make", 0, "return_value", "10")));

        assertThat(TaskMapping.expand(task, xcoms).count()).isEqualTo(2);
        TaskMapping.Arguments second = TaskMapping.argumentsOf(task, 1, xcoms);
        assertThat(second.fromXCom().toString()).isEqualTo("{\"x\":20}");
        assertThat(second.literal()).isEmpty();
    }

    @Test
    void aDictMapsOverItsItemsAndExpandKwargsOverItsDicts() throws Exception {
        assertThat(TaskMapping.argumentsOf(mapped("{\"x\": {\"k\": 1}}", "null"), 0, NO_XCOMS).literal().toString())
                .isEqualTo("{\"x\":[\"k\",1]}");
        TaskSpec kwargs = mapped("{}", "[{\"a\": 1}, {\"a\": 2, \"b\": 3}]");
        assertThat(TaskMapping.expand(kwargs, NO_XCOMS).count()).isEqualTo(2);
        assertThat(TaskMapping.argumentsOf(kwargs, 1, NO_XCOMS).literal().toString()).isEqualTo("{\"a\":2,\"b\":3}");
    }

    @Test
    void nothingToMapOverIsZeroAndAnUnmappableValueIsAirflowsError() {
        assertThat(TaskMapping.expand(mapped("{\"x\": []}", "null"), NO_XCOMS).count()).isZero();
        TaskSpec overXCom = mapped("{\"x\": {\"xcom_arg\": {\"task_id\": \"make\", \"key\": \"return_value\"}}}", "null");

        assertThat(TaskMapping.expand(overXCom, new RunXComs(List.of(new PulledXCom("make", -1, "return_value", "5")))).problem())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("UnmappableXComTypePushed: unmappable return type 'int'"));
        assertThat(TaskMapping.expand(overXCom, NO_XCOMS).problem())
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("XComForMappingNotPushed"));
        assertThatThrownBy(() -> TaskMapping.argumentsOf(overXCom, -1, NO_XCOMS)).isInstanceOf(TaskMapping.MappingException.class)
                .hasMessageStartingWith("XComForMappingNotPushed");
    }

    private static TaskSpec mapped(String expand, String expandKwargs) {
        JsonObject json = Json.createReader(new StringReader("{\"task_id\": \"t\", \"is_mapped\": true, \"mapped\": {\"partial\": {},"
                + " \"expand\": " + expand + ", \"expand_kwargs\": " + expandKwargs + "}}")).readObject();
        return new TaskSpec(json);
    }
}
