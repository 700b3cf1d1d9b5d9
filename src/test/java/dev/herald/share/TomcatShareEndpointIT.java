package dev.herald.share;

import dev.herald.page.it.Container;
import dev.herald.page.it.TomcatContainer;

/** {@link ShareEndpointContract} in embedded Tomcat. */
class TomcatShareEndpointIT extends ShareEndpointContract {
    @Override
    Container newContainer() {
        return new TomcatContainer();
    }
}
