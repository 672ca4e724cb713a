package org.jope.core.errors;

/** The request contradicts the current state, such as deleting a folder that still has children. */
public class ConflictingState extends HttpError {

    public ConflictingState(String message) {
        super(409, message);
    }

}
