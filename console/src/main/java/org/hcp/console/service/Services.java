package org.hcp.console.service;

import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the services behind the console answer (HCP_INTAKE_URL, …): named once for every route. */
@Singleton
public class Services {

    private final URI intake;
    private final URI reporting;
    private final URI rectification;
    private final URI appeal;

    public Services(@ConfigProperty(name = "hcp.console.intake-url") URI intake,
            @ConfigProperty(name = "hcp.console.reporting-url") URI reporting,
            @ConfigProperty(name = "hcp.console.rectification-url") URI rectification,
            @ConfigProperty(name = "hcp.console.appeal-url") URI appeal) {
        this.intake = intake;
        this.reporting = reporting;
        this.rectification = rectification;
        this.appeal = appeal;
    }

    public URI intake() {
        return intake;
    }

    public URI reporting() {
        return reporting;
    }

    public URI rectification() {
        return rectification;
    }

    public URI appeal() {
        return appeal;
    }
}
