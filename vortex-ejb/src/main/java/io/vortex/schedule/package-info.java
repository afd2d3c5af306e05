/**
 * Scheduling: deciding when a DAG run is due, creating it, and deciding which of its task
 * instances are ready to run. EJB timers drive what depends on the clock; scheduler jobs record
 * which controller nodes are alive.
 */
package io.vortex.schedule;
