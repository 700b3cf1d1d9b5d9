package dev.herald.page;

import dev.herald.page.it.Container;
import dev.herald.page.it.TomcatContainer;

/** {@link ShareFilterContract} in embedded Tomcat 11. */
class TomcatShareFilterIT extends ShareFilterContract {
    @Override
    Container newContainer() {
        return new TomcatContainer();
    }
}
