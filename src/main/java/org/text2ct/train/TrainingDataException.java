package org.text2ct.train;

/** Training data that cannot be used, with a message saying what to fix. */
public final class TrainingDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TrainingDataException(String message) {
        super(message);
    }
}
