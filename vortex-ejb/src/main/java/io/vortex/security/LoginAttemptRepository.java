package io.vortex.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/** Stores sign-in attempts and finds the recent ones of a user from one address. */
@ApplicationScoped
public class LoginAttemptRepository {

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public void add(LoginAttempt attempt) {
        em.persist(attempt);
    }

    public List<LoginAttempt> since(String username, String sourceAddress, OffsetDateTime since) {
        return em.createQuery("SELECT a FROM LoginAttempt a WHERE a.username = :username"
                        + " AND a.sourceAddress = :sourceAddress AND a.attemptedAt > :since", LoginAttempt.class)
                .setParameter("username", username)
                .setParameter("sourceAddress", sourceAddress)
                .setParameter("since", since)
                .getResultList();
    }
}
