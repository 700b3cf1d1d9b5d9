package dev.herald.page;

import dev.herald.page.it.Container;
import dev.herald.page.it.TomcatContainer;

/** {@link WebSubLinksContract} in embedded Tomcat 11. */
class TomcatWebSubLinksIT extends WebSubLinksContract {
    @Override
    Container newContainer() {
        return new TomcatContainer();
    }
}
