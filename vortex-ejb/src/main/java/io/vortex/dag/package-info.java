/**
 * DAG definitions: the DAGs found in the DAG folder, their serialized tasks, every version of
 * their source, and the files that failed to import. The DAG processor writes here; the scheduler,
 * the console and the REST API read.
 */
package io.vortex.dag;
