package nl.nabij;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NabijApplication {

    public static void main(String[] args) {
        SpringApplication.run(NabijApplication.class, args);
    }
}
