package nl.nabij.geography;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The geography import from the command line, for files too large to send over the API (the national postcode file
 * has about nine million rows): with {@code nabij.geography.municipality} and one or both of
 * {@code nabij.geography.areas} and {@code nabij.geography.addresses} (paths) the process imports them, streaming, into
 * the database it is connected to, and with {@code nabij.exit-after-command} ends. The audit trail names the operator's
 * account as the one who changed the geography.
 */
@Component
class GeographyCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(GeographyCommand.class);

    private final GeographyImport geography;
    private final Environment environment;
    private final ApplicationContext context;
    private int exitCode;

    GeographyCommand(GeographyImport geography, Environment environment, ApplicationContext context) {
        this.geography = geography;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String municipality = environment.getProperty("nabij.geography.municipality");
        if (municipality == null) {
            return;
        }
        String areas = environment.getProperty("nabij.geography.areas");
        String addresses = environment.getProperty("nabij.geography.addresses");
        String operator = environment.getProperty("nabij.geography.operator", System.getProperty("user.name"));
        GeographyImport.Result result = geography.run(
                new NabijUser(operator, Role.ADMINISTRATOR, null, null, null),
                "command-line",
                municipality,
                areas == null ? null : () -> Files.newBufferedReader(Path.of(areas), StandardCharsets.UTF_8),
                addresses == null ? null : () -> Files.newBufferedReader(Path.of(addresses), StandardCharsets.UTF_8));
        if (result.errors().isEmpty()) {
            log.info(
                    "Geography of {} imported: {} districts, {} neighbourhoods, {} addresses; {} households and {}"
                            + " vindplaatsen placed in their neighbourhood",
                    result.municipalityCode(),
                    result.districts(),
                    result.neighbourhoods(),
                    result.addresses(),
                    result.householdsPlaced(),
                    result.vindplaatsenPlaced());
        } else {
            result.errors()
                    .forEach(error -> log.error(
                            "Geography import refused, nothing changed: {} {} {}",
                            error.field(),
                            error.code(),
                            error.message()));
            exitCode = 1;
        }
        if (environment.getProperty("nabij.exit-after-command", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context, this));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
