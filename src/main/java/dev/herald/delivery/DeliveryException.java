package dev.herald.delivery;

/** A delivery operation could not be carried out: the database failed or the request conflicts with a share's state. */
public class DeliveryException extends RuntimeException {
    /** An exception with a message naming what failed. */
    public DeliveryException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying cause. */
    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
