package io.vortex.platform;

import jakarta.ejb.ApplicationException;
import java.util.Set;
import java.util.TreeSet;

/** A list was asked to sort by an attribute it does not allow sorting by: the caller's mistake, not a server failure. */
@ApplicationException
public class UnknownOrderingException extends IllegalArgumentException {

    public UnknownOrderingException(String orderBy, Set<String> allowed) {
        super("Ordering with '" + orderBy + "' is disallowed or the attribute does not exist on the model; "
                + "allowed: " + String.join(", ", new TreeSet<>(allowed)));
    }
}
