/**
 * Notifications: which callbacks fire when a DAG run or task succeeds, fails, retries or misses
 * its SLA, and delivering them by webhook, Slack or e-mail (Jakarta Mail).
 */
package io.vortex.notify;
