package dev.parley.encryption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    @Bean
    Encryption encryption(EncryptionKeys keys) {
        return new Encryption(keys::current);
    }
}
