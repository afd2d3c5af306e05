/**
 * The worker node deployable. A worker is a WildFly with this WAR that consumes task instances
 * from the controller's {@code vortex.tasks} JMS queue and runs them with the same execution code
 * as the controller; the message-driven consumer arrives with distributed execution (ROADMAP §8).
 */
package io.vortex.worker;
