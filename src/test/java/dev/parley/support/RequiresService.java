package dev.parley.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class only when the named services are reachable. Outside CI an unreachable service
 * skips the class with a printed warning; with {@code CI=true} it fails the build instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ServiceCondition.class)
public @interface RequiresService {

    ExternalService[] value();
}
