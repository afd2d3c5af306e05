package io.vortex.schedule;

import java.util.Locale;

/**
 * Airflow's trigger rules, evaluated on a task instance's direct upstream states exactly as
 * Airflow 2's {@code TriggerRuleDep} does while scheduling: first whether the upstream states
 * already decide the instance's fate ({@link Readiness#SKIP} or {@link Readiness#UPSTREAM_FAILED},
 * even while other upstream tasks still run), then whether the rule is met.
 */
public enum TriggerRule {
    ALL_SUCCESS,
    ALL_FAILED,
    ALL_DONE,
    ALL_DONE_SETUP_SUCCESS,
    ALL_SKIPPED,
    ONE_SUCCESS,
    ONE_FAILED,
    ONE_DONE,
    NONE_FAILED,
    NONE_FAILED_MIN_ONE_SUCCESS,
    NONE_SKIPPED,
    ALWAYS;

    /** What the upstream states mean for a task instance that has not started. */
    public enum Readiness {
        /** The rule is met: the instance can be scheduled. */
        RUN,
        /** Not decided yet: upstream tasks must finish first. */
        WAIT,
        SKIP,
        UPSTREAM_FAILED
    }

    /** @throws IllegalArgumentException for a name Airflow does not know */
    public static TriggerRule of(String airflowName) {
        try {
            return valueOf(airflowName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown trigger rule '" + airflowName + "'", e);
        }
    }

    public Readiness evaluate(UpstreamStates up) {
        if (this == ALWAYS || up.upstream() == 0) {
            return Readiness.RUN;
        }
        Readiness decided = decided(up);
        if (decided != null) {
            return decided;
        }
        return met(up) ? Readiness.RUN : Readiness.WAIT;
    }

    /** Airflow's {@code flag_upstream_failed} branch: a state the upstream states already force, or null. */
    private Readiness decided(UpstreamStates up) {
        boolean anyFailed = up.failed() > 0 || up.upstreamFailed() > 0;
        return switch (this) {
            case ALL_SUCCESS -> anyFailed ? Readiness.UPSTREAM_FAILED : up.skipped() > 0 ? Readiness.SKIP : null;
            case ALL_FAILED -> up.success() > 0 || up.skipped() > 0 ? Readiness.SKIP : null;
            case ONE_SUCCESS -> !up.allDone() ? null
                    : up.done() == up.skipped() ? Readiness.SKIP
                    : up.success() <= 0 ? Readiness.UPSTREAM_FAILED : null;
            case ONE_FAILED -> up.allDone() && !anyFailed ? Readiness.SKIP : null;
            case ONE_DONE -> up.allDone() && up.failed() == 0 && up.success() == 0 ? Readiness.SKIP : null;
            case NONE_FAILED -> anyFailed ? Readiness.UPSTREAM_FAILED : null;
            case NONE_FAILED_MIN_ONE_SUCCESS -> anyFailed ? Readiness.UPSTREAM_FAILED
                    : up.skipped() == up.upstream() ? Readiness.SKIP : null;
            case NONE_SKIPPED -> up.skipped() > 0 ? Readiness.SKIP : null;
            case ALL_SKIPPED -> up.success() > 0 || up.failed() > 0 || up.upstreamFailed() > 0 ? Readiness.SKIP : null;
            case ALL_DONE_SETUP_SUCCESS -> !up.allDone() || up.upstreamSetups() == 0 ? null
                    : up.skippedSetups() >= up.upstreamSetups() ? Readiness.SKIP
                    : up.successSetups() == 0 ? Readiness.UPSTREAM_FAILED : null;
            case ALL_DONE, ALWAYS -> null;
        };
    }

    private boolean met(UpstreamStates up) {
        return switch (this) {
            case ALL_SUCCESS -> up.success() >= up.upstream();
            case ALL_FAILED -> up.failed() + up.upstreamFailed() >= up.upstream();
            case ALL_DONE -> up.allDone();
            case ALL_DONE_SETUP_SUCCESS -> up.allDone() && (up.upstreamSetups() == 0 || up.successSetups() > 0);
            case ALL_SKIPPED -> up.skipped() >= up.upstream();
            case ONE_SUCCESS -> up.success() > 0;
            case ONE_FAILED -> up.failed() > 0 || up.upstreamFailed() > 0;
            case ONE_DONE -> up.failed() > 0 || up.success() > 0;
            case NONE_FAILED, NONE_FAILED_MIN_ONE_SUCCESS -> up.success() + up.skipped() >= up.upstream();
            case NONE_SKIPPED -> up.allDone() && up.skipped() == 0;
            case ALWAYS -> true;
        };
    }
}
