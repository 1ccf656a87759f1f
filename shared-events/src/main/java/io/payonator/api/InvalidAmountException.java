package io.payonator.api;

/** Text that is not an amount SPEC.md accepts; the message says why. */
public class InvalidAmountException extends IllegalArgumentException {

    public InvalidAmountException(String message) {
        super(message);
    }
}
