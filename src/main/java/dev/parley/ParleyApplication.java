package dev.parley;

import dev.parley.assistant.AssistantEvalCommand;
import dev.parley.encryption.EncryptionKeyCommand;
import dev.parley.knowledge.EmbeddingCeilingCommand;
import dev.parley.knowledge.ModelRuntimeShutdown;
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
        if (args.length > 0 && EmbeddingCeilingCommand.NAME.equals(args[0])) {
            System.exit(EmbeddingCeilingCommand.run(args));
        }
        if (args.length > 0 && EncryptionKeyCommand.NAME.equals(args[0])) {
            System.exit(EncryptionKeyCommand.run(System.out));
        }
        SpringApplication application = new SpringApplication(ParleyApplication.class);
        // a stop during start-up (the index rebuild embeds right away) is handled in order too
        application.addListeners(ModelRuntimeShutdown.installer());
        application.run(args);
    }
}
