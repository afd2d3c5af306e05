package io.vortex.dag.parse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code auto} engine: Jython first, since it answers in milliseconds without a process;
 * a file it cannot read or import (Python 3 syntax, a library Jython lacks) goes to CPython,
 * whose answer then counts, errors included.
 */
final class AutoParser implements DagFileParser {

    private final DagFileParser jython;
    private final DagFileParser cpython;

    AutoParser(DagFileParser jython, DagFileParser cpython) {
        this.jython = jython;
        this.cpython = cpython;
    }

    @Override
    public ParseResult parseFile(Path file, Path dagsFolder, Duration timeout) {
        ParseResult first = jython.parseFile(file, dagsFolder, timeout);
        if (!first.needsPython3()) {
            return first;
        }
        ParseResult second = cpython.parseFile(file, dagsFolder, timeout);
        return second.error().filter(error -> ParseError.ENGINE_FAILURE.equals(error.kind()))
                .map(unavailable -> withCPythonUnavailable(first, unavailable))
                .orElse(second);
    }

    /** Jython's error, which then stands, saying why CPython did not get the file. */
    private static ParseResult withCPythonUnavailable(ParseResult jythonResult, ParseError unavailable) {
        ParseError error = jythonResult.error().orElseThrow();
        return ParseResult.failed(new ParseError(error.kind(), error.message() + " (Jython reads Python 2.7 only; CPython"
                + " could not take the file: " + unavailable.message() + ")", error.line(), error.traceback()),
                Engine.JYTHON, jythonResult.nanos());
    }

    @Override
    public ParseResult parseSpec(String specJson, Path file, Duration timeout) {
        return jython.parseSpec(specJson, file, timeout);
    }

    @Override
    public Engine engine() {
        return Engine.AUTO;
    }

    @Override
    public void close() {
        jython.close();
        cpython.close();
    }
}
