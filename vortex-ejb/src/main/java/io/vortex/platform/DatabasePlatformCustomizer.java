package io.vortex.platform;

import java.io.IOException;
import java.io.Writer;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Adjusts EclipseLink's database platform for the metadatabase. EclipseLink's H2 platform
 * writes boolean values into SQL as {@code 1}/{@code 0}, which H2 2.x refuses to compare with
 * a BOOLEAN column ("Values of types BOOLEAN and INTEGER are not comparable"). Once EclipseLink
 * has detected H2 (it does so while connecting, after customizers run), the platform is swapped
 * for a variant that writes {@code TRUE}/{@code FALSE}. Other databases keep the detected platform.
 */
public class DatabasePlatformCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postConnect(SessionEvent event) {
                DatabaseLogin login = event.getSession().getLogin();
                if (login.getPlatform().getClass() == H2Platform.class) {
                    H2BooleanPlatform platform = new H2BooleanPlatform();
                    // keeps the sequences of the entities' @SequenceGenerators and the other settings
                    login.getPlatform().copyInto(platform);
                    login.setPlatform(platform);
                }
            }
        });
    }

    /** H2 with SQL-standard boolean literals. */
    public static class H2BooleanPlatform extends H2Platform {

        private static final long serialVersionUID = 1L;

        @Override
        protected void appendBoolean(Boolean value, Writer writer) throws IOException {
            writer.write(value ? "TRUE" : "FALSE");
        }
    }
}
