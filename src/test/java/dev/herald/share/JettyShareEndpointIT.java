package dev.herald.share;

import dev.herald.page.it.Container;
import dev.herald.page.it.JettyContainer;

/** {@link ShareEndpointContract} in embedded Jetty. */
class JettyShareEndpointIT extends ShareEndpointContract {
    @Override
    Container newContainer() {
        return new JettyContainer();
    }
}
