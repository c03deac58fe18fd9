package nl.nabij.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Answers {@code apiVersion} from the build's metadata, or "development" when run from an IDE without it. */
@Controller
class ApiVersionController {

    private final String version;

    ApiVersionController(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    @QueryMapping
    String apiVersion() {
        return version;
    }
}
