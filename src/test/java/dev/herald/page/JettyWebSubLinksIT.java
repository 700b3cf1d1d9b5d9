package dev.herald.page;

import dev.herald.page.it.Container;
import dev.herald.page.it.JettyContainer;

/** {@link WebSubLinksContract} in embedded Jetty 12 (ee10). */
class JettyWebSubLinksIT extends WebSubLinksContract {
    @Override
    Container newContainer() {
        return new JettyContainer();
    }
}
