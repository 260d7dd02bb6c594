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
 * Points every {@link YizhanIntegrationTest} at the JVM's broker and a fresh database, through the
 * same {@code yizhan.db.*} and {@code spring.kafka.bootstrap-servers} properties the services
 * read in production.
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
          "yizhan.db.password", database.password());
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("yizhan-test-infrastructure", properties));
    }
  }
}
