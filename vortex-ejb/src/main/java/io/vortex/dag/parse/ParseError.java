package io.vortex.dag.parse;

/**
 * Why a DAG file yielded no DAGs, as the shim reports it: the Python exception's class
 * ({@code kind}), Airflow's one-line message, the line in the DAG file when known, and the
 * traceback.
 */
public record ParseError(String kind, String message, Integer line, String traceback) {

    public static final String SYNTAX_ERROR = "SyntaxError";
    public static final String IMPORT_ERROR = "ImportError";
    public static final String TIMEOUT = "ParseTimeout";
    public static final String ENGINE_FAILURE = "ParserFailure";

    /** What the import-error list shows: the kind, the message and the traceback. */
    public String report() {
        String heading = kind + ": " + message;
        return traceback == null || traceback.isBlank() ? heading : heading + "\n" + traceback;
    }
}
