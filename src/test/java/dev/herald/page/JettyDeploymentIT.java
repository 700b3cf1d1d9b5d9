package dev.herald.page;

import dev.herald.page.it.Container;
import dev.herald.page.it.JettyContainer;

/** {@link DeploymentContract} in embedded Jetty 12 (ee10). */
class JettyDeploymentIT extends DeploymentContract {
    @Override
    Container newContainer() {
        return new JettyContainer();
    }
}
