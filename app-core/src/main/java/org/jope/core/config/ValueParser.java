package org.jope.core.config;

import java.util.function.Function;

/**
 * How the text of one setting becomes its value, and what to tell a person whose text does not fit.
 *
 * @param expected what the text must be, as a phrase that completes "it must be ...", e.g. "a whole number of at
 * least 1"
 * @param parse turns the text into the value; it throws a RuntimeException (or returns null) for text that does not
 * fit
 */
public record ValueParser<T>(String expected, Function<String, T> parse) {

    /** The value of {@code text}, or an {@link InvalidConfigValueException} that names {@code key}. */
    public T parse(String key, String text) {
        T value;
        try {
            value = parse.apply(text);
        }
        catch (RuntimeException ex) {
            // NumberFormatException, DateTimeParseException, InvalidPathException, ArithmeticException on overflow.
            throw new InvalidConfigValueException(key, text, expected);
        }
        if (value == null) {
            throw new InvalidConfigValueException(key, text, expected);
        }
        return value;
    }

}
