package io.vortex.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vortex.execution.TaskInstanceState;
import io.vortex.schedule.TriggerRule.Readiness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TriggerRuleTest {

    /** Upstream states are letters: s success, k skipped, f failed, u upstream_failed, t timed_out, r running, n none. */
    @ParameterizedTest(name = "{0} over {1} -> {2}")
    @CsvSource({
            "all_success, ss, RUN", "all_success, sr, WAIT", "all_success, fr, UPSTREAM_FAILED", "all_success, sk, SKIP",
            "all_success, tr, UPSTREAM_FAILED", "all_success, ur, UPSTREAM_FAILED",
            "all_failed, ff, RUN", "all_failed, fu, RUN", "all_failed, fr, WAIT", "all_failed, fs, SKIP", "all_failed, fk, SKIP",
            "all_done, sf, RUN", "all_done, kr, WAIT", "all_done, uk, RUN",
            "all_skipped, kk, RUN", "all_skipped, kr, WAIT", "all_skipped, ks, SKIP", "all_skipped, kf, SKIP",
            "one_success, sr, RUN", "one_success, fr, WAIT", "one_success, ff, UPSTREAM_FAILED", "one_success, kk, SKIP",
            "one_success, kf, UPSTREAM_FAILED",
            "one_failed, fr, RUN", "one_failed, ur, RUN", "one_failed, sr, WAIT", "one_failed, sk, SKIP",
            "one_done, sr, RUN", "one_done, fr, RUN", "one_done, kr, WAIT", "one_done, ku, SKIP",
            "none_failed, sk, RUN", "none_failed, sr, WAIT", "none_failed, sf, UPSTREAM_FAILED", "none_failed, kk, RUN",
            "none_failed_min_one_success, sk, RUN", "none_failed_min_one_success, kk, SKIP",
            "none_failed_min_one_success, ku, UPSTREAM_FAILED", "none_failed_min_one_success, kr, WAIT",
            "none_skipped, sf, RUN", "none_skipped, sr, WAIT", "none_skipped, sk, SKIP",
            "always, rn, RUN", "always, ff, RUN"})
    void decidesAsAirflowsTriggerRuleDependency(String rule, String upstream, Readiness expected) {
        UpstreamStates states = UpstreamStates.NONE;
        for (char state : upstream.toCharArray()) {
            states = states.plus(state(state), false);
        }

        assertThat(TriggerRule.of(rule).evaluate(states)).isEqualTo(expected);
    }

    @Test
    void aTaskWithoutUpstreamRunsWhateverItsRule() {
        for (TriggerRule rule : TriggerRule.values()) {
            assertThat(rule.evaluate(UpstreamStates.NONE)).as(rule.name()).isEqualTo(Readiness.RUN);
        }
    }

    @Test
    void aTeardownRunsWhenItsSetupSucceededAndEverythingIsDone() {
        UpstreamStates setupOk = UpstreamStates.NONE.plus(TaskInstanceState.SUCCESS, true).plus(TaskInstanceState.FAILED, false);
        UpstreamStates setupFailed = UpstreamStates.NONE.plus(TaskInstanceState.FAILED, true).plus(TaskInstanceState.UPSTREAM_FAILED, false);
        UpstreamStates setupSkipped = UpstreamStates.NONE.plus(TaskInstanceState.SKIPPED, true).plus(TaskInstanceState.SKIPPED, false);

        assertThat(TriggerRule.ALL_DONE_SETUP_SUCCESS.evaluate(setupOk)).isEqualTo(Readiness.RUN);
        assertThat(TriggerRule.ALL_DONE_SETUP_SUCCESS.evaluate(setupFailed)).isEqualTo(Readiness.UPSTREAM_FAILED);
        assertThat(TriggerRule.ALL_DONE_SETUP_SUCCESS.evaluate(setupSkipped)).isEqualTo(Readiness.SKIP);
        assertThat(TriggerRule.ALL_DONE_SETUP_SUCCESS.evaluate(UpstreamStates.NONE.plus(TaskInstanceState.SUCCESS, true).plus(null, false)))
                .isEqualTo(Readiness.WAIT);
    }

    @Test
    void anUnknownRuleIsNamedInTheError() {
        assertThatIllegalArgumentException().isThrownBy(() -> TriggerRule.of("sometimes")).withMessageContaining("'sometimes'");
    }

    private static TaskInstanceState state(char letter) {
        return switch (letter) {
            case 's' -> TaskInstanceState.SUCCESS;
            case 'k' -> TaskInstanceState.SKIPPED;
            case 'f' -> TaskInstanceState.FAILED;
            case 'u' -> TaskInstanceState.UPSTREAM_FAILED;
            case 't' -> TaskInstanceState.TIMED_OUT;
            case 'r' -> TaskInstanceState.RUNNING;
            case 'n' -> null;
            default -> throw new IllegalArgumentException("no state letter " + letter);
        };
    }
}
