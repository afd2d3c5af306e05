package io.vortex.dag.parse;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** One interpreter or process of an engine's pool; used by one caller at a time. */
interface EngineWorker {

    /**
     * Sends one request of the shim's protocol ({@code vortex_dagparse}: op parse_file or
     * parse_spec) and returns the shim's JSON answer.
     *
     * @throws TimeoutException when no answer came within {@code timeout}; the worker must then be killed
     * @throws EngineFailure    when the interpreter or process broke; the worker must then be killed
     */
    String request(String requestJson, Duration timeout) throws TimeoutException, EngineFailure;

    /** Stops the interpreter or process for good, even in the middle of a request. */
    void kill();

    /** An engine that cannot serve a request any more, with a sentence saying why. */
    final class EngineFailure extends Exception {

        private static final long serialVersionUID = 1L;

        EngineFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
