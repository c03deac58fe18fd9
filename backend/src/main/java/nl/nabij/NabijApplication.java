package nl.nabij;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Nabij: who is already involved with a household, and where the network around it has gaps. */
@SpringBootApplication
@EnableScheduling
public class NabijApplication {

    /** The one clock of the application, so tests can fix time for rules that depend on it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(NabijApplication.class, args);
    }
}
