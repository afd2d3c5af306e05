package io.vortex.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds WildFly socket-binding offsets whose ports are all free on this machine. */
public final class FreePorts {

    /** The ports a VORTEX server binds, before the offset. */
    private static final int[] BASE_PORTS = {8080, 8443, 9990};

    private FreePorts() {
    }

    public static int portOffset() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 1000 + 10 * ThreadLocalRandom.current().nextInt(4000);
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("No free WildFly port offset found after 200 attempts");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean allFree(int offset) {
        for (int port : BASE_PORTS) {
            if (!isFree(port + offset)) {
                return false;
            }
        }
        return true;
    }
}
