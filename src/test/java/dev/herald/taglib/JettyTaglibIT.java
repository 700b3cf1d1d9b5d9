package dev.herald.taglib;

import dev.herald.page.it.Container;
import dev.herald.page.it.JettyContainer;

/** {@link TaglibContract} in Jetty 12's apache-jsp. */
class JettyTaglibIT extends TaglibContract {
    @Override
    Container newContainer() {
        return new JettyContainer();
    }
}
