package dev.parley.assistant.web;

import dev.parley.assistant.llm.LlmSettings;
import java.util.Arrays;
import java.util.List;

/** The persona as the admin page edits it: guidelines and forbidden topics one per line. */
record PersonaForm(String companyName, String tone, String guidelines, String forbiddenTopics) {

    PersonaForm {
        companyName = companyName == null ? "" : companyName;
        tone = tone == null ? "" : tone;
        guidelines = guidelines == null ? "" : guidelines;
        forbiddenTopics = forbiddenTopics == null ? "" : forbiddenTopics;
    }

    static PersonaForm of(LlmSettings.Persona persona) {
        return new PersonaForm(persona.companyName(), persona.tone(), String.join("\n", persona.guidelines()),
                String.join("\n", persona.forbiddenTopics()));
    }

    LlmSettings.Persona toPersona() {
        return new LlmSettings.Persona(companyName, tone, lines(guidelines), lines(forbiddenTopics));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
    }
}
