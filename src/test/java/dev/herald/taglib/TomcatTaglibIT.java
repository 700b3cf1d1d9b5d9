package dev.herald.taglib;

import dev.herald.page.it.Container;
import dev.herald.page.it.TomcatContainer;

/** {@link TaglibContract} in Tomcat 11's Jasper. */
class TomcatTaglibIT extends TaglibContract {
    @Override
    Container newContainer() {
        return new TomcatContainer();
    }
}
