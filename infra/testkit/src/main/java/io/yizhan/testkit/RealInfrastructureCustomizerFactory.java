package io.yizhan.testkit;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points every {@link YizhanIntegrationTest} at the JVM's broker, a fresh database and the JVM's
 * token issuer, through the same {@code yizhan.db.*}, {@code spring.kafka.bootstrap-servers} and
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties the services read in production.
 */
class RealInfrastructureCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (!TestContextAnnotationUtils.hasAnnotation(testClass, YizhanIntegrationTest.class)) {
      return null;
    }
    return new RealInfrastructure(testClass);
  }

  /** Equal per test class, so each class gets its own context and database. */
  private record RealInfrastructure(Class<?> testClass) implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      Database database = Infrastructure.newDatabase(testClass.getSimpleName());
      Map<String, Object> properties = Map.of(
          "spring.kafka.bootstrap-servers", Infrastructure.kafkaBootstrapServers(),
          "yizhan.db.host", database.host(),
          "yizhan.db.port", String.valueOf(database.port()),
          "yizhan.db.name", database.name(),
          "yizhan.db.username", database.username(),
          "yizhan.db.password", database.password(),
          "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.issuer().issuer().toString(),
          "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.issuer().jwkSetUri().toString());
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("yizhan-test-infrastructure", properties));
    }
  }
}
