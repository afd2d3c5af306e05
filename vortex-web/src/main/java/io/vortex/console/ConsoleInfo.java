package io.vortex.console;

import io.vortex.platform.VersionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Facts every console page shows in its frame. */
@Named
@ApplicationScoped
public class ConsoleInfo {

    public String getVersion() {
        return VersionInfo.version();
    }
}
