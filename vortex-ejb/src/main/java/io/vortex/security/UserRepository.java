package io.vortex.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Finds and stores users. */
@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    public long count() {
        return em.createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult();
    }

    /** Users whose password column still holds a plaintext password. */
    public List<User> withPlaintextPasswords() {
        return em.createQuery("SELECT u FROM User u WHERE u.passwordHash IS NOT NULL AND u.passwordSalt IS NULL", User.class)
                .getResultList();
    }

    public void add(User user) {
        em.persist(user);
    }
}
