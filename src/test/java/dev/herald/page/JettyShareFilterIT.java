package dev.herald.page;

import dev.herald.page.it.Container;
import dev.herald.page.it.JettyContainer;

/** {@link ShareFilterContract} in embedded Jetty 12 (ee10). */
class JettyShareFilterIT extends ShareFilterContract {
    @Override
    Container newContainer() {
        return new JettyContainer();
    }
}
