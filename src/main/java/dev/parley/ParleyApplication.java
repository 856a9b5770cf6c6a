package dev.parley;

import dev.parley.assistant.AssistantEvalCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Parley: a self-hosted AI customer-support platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ParleyApplication {

    public static void main(String[] args) {
        if (args.length > 0 && AssistantEvalCommand.NAME.equals(args[0])) {
            System.exit(AssistantEvalCommand.run(args));
        }
        SpringApplication.run(ParleyApplication.class, args);
    }
}
