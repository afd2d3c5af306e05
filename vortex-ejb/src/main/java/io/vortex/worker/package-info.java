/**
 * Remote workers: WildFly nodes running {@code vortex-worker.war} that take task instances from
 * the JMS queue {@code vortex.tasks}, run them with the same batch job as the controller, and
 * heartbeat here so the controller can tell a live worker from a lost one.
 */
package io.vortex.worker;
