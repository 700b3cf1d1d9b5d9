package dev.herald.delivery;

/** Whether Herald may send to an account. */
public enum AccountState {
    /** Shares are sent when due. */
    ACTIVE,
    /**
     * The network refused the account's credentials: its shares wait, without calling the
     * network, until {@link DeliveryClient#credentialsChanged(String)} is called.
     */
    AUTH_FAILED
}
