/**
 * Pools: named slot budgets that cap how many task instances of any DAG may run at once against a
 * shared resource. The scheduler queues a task instance only while its pool has free slots;
 * {@code default_pool} exists from the first migration.
 */
package io.vortex.pool;
