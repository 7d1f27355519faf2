package dev.meshwizard.charts;

/** A chart cannot be found, read or downloaded. The message is for the user and says what to do instead. */
public final class ChartSourceException extends Exception {

    public ChartSourceException(String message) {
        super(message);
    }

    public ChartSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
