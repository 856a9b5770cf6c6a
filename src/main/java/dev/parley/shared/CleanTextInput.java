package dev.parley.shared;

import java.beans.PropertyEditorSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string a request brings, as JSON or as a form field or parameter, is {@link CleanText cleaned}
 * before any controller sees it, so no module can store a NUL by accident.
 */
@Configuration(proxyBeanMethods = false)
class CleanTextInput {

    @Bean
    JacksonModule cleanTextModule() {
        return new SimpleModule("clean-text").addDeserializer(String.class, new CleanStrings());
    }

    static final class CleanStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return CleanText.of(super.deserialize(parser, context));
        }
    }

    @ControllerAdvice
    static class FormFields {

        @InitBinder
        void cleanStrings(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(CleanText.of(text));
                }
            });
        }
    }
}
