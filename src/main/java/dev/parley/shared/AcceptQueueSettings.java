package dev.parley.shared;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The HTTP server's listen backlog, under {@code parley.http}.
 *
 * @param acceptQueueSize connections the operating system holds for the server while they wait to be accepted; the
 *     kernel caps it at {@code net.core.somaxconn} (4096 on current Linux)
 */
@Validated
@ConfigurationProperties("parley.http")
record AcceptQueueSettings(@DefaultValue("1024") @Min(1) int acceptQueueSize) {
}
