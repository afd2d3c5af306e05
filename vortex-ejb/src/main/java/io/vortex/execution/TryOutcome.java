package io.vortex.execution;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one try ended, as the operator reports it.
 *
 * @param state          success, skipped, failed or timed_out
 * @param retryable      false when the task asked not to be retried ({@code AirflowFailException})
 * @param xcoms          values pushed, in push order; values are JSON text
 * @param follow         for a branch operator: the task ids to follow, every other direct downstream task is skipped
 * @param shortCircuit   for a short circuit that did not pass: whether every downstream task is skipped
 *                       ({@code ignore_downstream_trigger_rules}) or only the direct ones
 * @param exitCode       the process's exit code, when the try ran one
 * @param reason         for a try that did not succeed: why, in one sentence
 */
public record TryOutcome(State state, boolean retryable, List<Pushed> xcoms, Optional<List<String>> follow,
        Optional<Boolean> shortCircuit, Integer exitCode, String reason) {

    /** The end states of a try. */
    public enum State {
        SUCCESS, SKIPPED, FAILED, TIMED_OUT
    }

    /** A value the try pushed. */
    public record Pushed(String key, String value) {
    }

    public TryOutcome {
        xcoms = List.copyOf(xcoms);
    }

    public static TryOutcome success(List<Pushed> xcoms, Integer exitCode) {
        return new TryOutcome(State.SUCCESS, true, xcoms, Optional.empty(), Optional.empty(), exitCode, null);
    }

    /** A branch's success: the direct downstream tasks in {@code follow} run, the others are skipped. */
    public static TryOutcome followed(List<String> follow) {
        return new TryOutcome(State.SUCCESS, true, List.of(), Optional.of(follow), Optional.empty(), null, null);
    }

    public static TryOutcome skipped(String reason, Integer exitCode) {
        return new TryOutcome(State.SKIPPED, true, List.of(), Optional.empty(), Optional.empty(), exitCode, reason);
    }

    public static TryOutcome failed(String reason, Integer exitCode) {
        return new TryOutcome(State.FAILED, true, List.of(), Optional.empty(), Optional.empty(), exitCode, reason);
    }

    /**
     * A try stopped by its {@code execution_timeout}.
     *
     * @param stopped what was stopped, e.g. "its process tree was killed"
     */
    public static TryOutcome timedOut(Duration limit, String stopped) {
        String seconds = limit.toMillis() % 1000 == 0 ? Long.toString(limit.toSeconds()) : Double.toString(limit.toMillis() / 1000.0);
        return new TryOutcome(State.TIMED_OUT, true, List.of(), Optional.empty(), Optional.empty(), null,
                "Timeout: the task ran longer than its execution_timeout of " + seconds + " s; " + stopped);
    }
}
