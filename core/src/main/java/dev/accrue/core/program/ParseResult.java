package dev.accrue.core.program;

import java.util.List;

/**
 * The outcome of parsing one program document: the program, or the faults that stop it.
 *
 * @param canonicalJson the document normalized (keys sorted, no comments or layout): two documents with the
 *                      same meaning have the same canonical JSON, so posting an unchanged program makes no new version
 */
public record ParseResult(Program program, List<ProgramError> errors, String canonicalJson) {
    public ParseResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty() && program != null;
    }
}
