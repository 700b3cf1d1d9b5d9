package dev.herald.syndication.internal;

import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * The no-answer policy of networks with {@link DeliveryGuarantee#NONE} (Telegram, Discord and Slack
 * webhooks): a request that never left (no connection) is a {@link Outcome.Transient} failure and is
 * retried; a request that was sent and got no answer (dropped connection, read timeout) may have
 * posted, and resending it blindly could post twice,
 * so it is {@link Outcome.Uncertain}: the delivery layer parks the share as
 * {@code UNCERTAIN}, and a person checks the channel and confirms it ({@code herald queue confirm ID})
 * or resends it ({@code herald queue resend ID}) if the message is not there.
 */
public final class LostAnswers {
    private LostAnswers() {}

    /** The outcome of a request to a network without idempotency that got no answer; masks {@code secrets}. */
    public static Outcome unreachable(IOException e, Secret... secrets) {
        if (neverSent(e)) return Failures.unreachable(e, secrets);
        String detail = Failures.unreachable(e, secrets).describe().replaceFirst("^transient failure: ", "");
        return new Outcome.Uncertain("the request was sent but " + detail
                + "; the message may be there, so it is not sent again by itself: check, then confirm or resend it");
    }

    /**
     * {@code classified}, except that a 502 or 504 from a network without idempotency is {@link
     * Outcome.Uncertain}: a gateway that timed out waiting for the network says nothing of whether the
     * network saved the message. Other answers, 500 and 503 included, come from the network itself,
     * which did not take the message, and stay as classified.
     */
    public static Outcome afterGateway(HttpReply reply, Outcome classified) {
        if ((reply.status() == 502 || reply.status() == 504) && classified instanceof Outcome.Transient t) {
            return new Outcome.Uncertain("a gateway answered HTTP " + reply.status() + " (" + t.message()
                    + "); the message may be there, so it is not sent again by itself: check, then confirm or resend it");
        }
        return classified;
    }

    /** Whether {@code e} happened before any byte of the request could reach the network. */
    static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException;
    }
}
