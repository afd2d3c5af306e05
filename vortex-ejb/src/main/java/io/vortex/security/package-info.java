/**
 * Security: users and their roles, teams that own DAGs, the encrypted secrets vault, and the
 * audit trail of who did what. Authentication itself is configured in the server; this package
 * holds what VORTEX decides and remembers.
 */
package io.vortex.security;
