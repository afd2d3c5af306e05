package io.vortex.schedule;

/** A transaction queued runs of a DAG: once it commits, they start if {@code max_active_runs} allows. */
public record RunsQueued(long dagPk) {
}
