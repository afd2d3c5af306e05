/**
 * Execution: task instances and their tries, dispatched as one Jakarta Batch job per try, the
 * operators that run them, their logs, and the XComs they exchange. The scheduler decides what
 * runs; this package runs it and records what happened.
 */
package io.vortex.execution;
