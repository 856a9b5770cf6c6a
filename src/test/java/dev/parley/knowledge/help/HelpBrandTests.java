package dev.parley.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The help center's name, colour and home link come from settings; mistakes in them stop the start and say why. */
class HelpBrandTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Brand.class);

    @Test
    void withNothingSetItIsTheHelpCenterInParleysColourWithWhiteHeaderText() {
        context.run(started -> {
            HelpBrand brand = started.getBean(HelpBrand.class);
            assertThat(brand.name()).isEqualTo("Help center");
            assertThat(brand.homeUrl()).isNull();
            assertThat(brand.css().getBody())
                    .isEqualTo(":root { --accent: #4338ca; --accent-ink: #ffffff; --link: #4338ca; }\n");
        });
    }

    @Test
    void aCompanysNameLightColourAndSiteAreUsedWithDarkHeaderText() {
        context.withPropertyValues("parley.knowledge.help.name= Northwind Help Center ",
                "parley.knowledge.help.color=#FD0", "parley.knowledge.help.home-url=https://www.northwind.example/shop")
                .run(started -> {
                    HelpBrand brand = started.getBean(HelpBrand.class);
                    assertThat(brand.name()).isEqualTo("Northwind Help Center");
                    assertThat(brand.homeUrl()).isEqualTo("https://www.northwind.example/shop");
                    assertThat(brand.homeHost()).isEqualTo("northwind.example");
                    assertThat(brand.css().getBody()).contains("--accent: #ffdd00;", "--accent-ink: #111827;")
                            .doesNotContain("--link: #ffdd00;");
                });
    }

    @Test
    void anEmptyHomeAddressMeansNoLink() {
        context.withPropertyValues("parley.knowledge.help.home-url=").run(started ->
                assertThat(started.getBean(HelpBrand.class).homeUrl()).isNull());
    }

    @Test
    void aColourThatIsNotHexOrAHomeThatIsNotAWebAddressStopsTheStart() {
        context.withPropertyValues("parley.knowledge.help.color=blue").run(started ->
                assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("color")
                        .hasMessageContaining("#4338ca"));
        context.withPropertyValues("parley.knowledge.help.home-url=javascript:alert(1)").run(started ->
                assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("homeUrl")
                        .hasMessageContaining("http(s)"));
        context.withPropertyValues("parley.knowledge.help.home-url=http://[broken").run(started ->
                assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("home-url"));
        context.withPropertyValues("parley.knowledge.help.name= ").run(started ->
                assertThat(started).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HelpCenterSettings.class)
    @Import(HelpBrand.class)
    static class Brand {
    }
}
