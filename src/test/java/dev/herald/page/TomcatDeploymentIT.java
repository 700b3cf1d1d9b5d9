package dev.herald.page;

import dev.herald.page.it.Container;
import dev.herald.page.it.TomcatContainer;

/** {@link DeploymentContract} in embedded Tomcat 11. */
class TomcatDeploymentIT extends DeploymentContract {
    @Override
    Container newContainer() {
        return new TomcatContainer();
    }
}
