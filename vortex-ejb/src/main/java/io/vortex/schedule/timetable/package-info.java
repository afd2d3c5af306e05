/**
 * Airflow's timetables in Java: given a DAG's schedule, its start and end dates, catchup and the
 * last scheduled run, when the next run is due and which data interval it covers. Pure logic,
 * with the clock passed in, so the scheduler and the tests agree on every boundary.
 */
package io.vortex.schedule.timetable;
