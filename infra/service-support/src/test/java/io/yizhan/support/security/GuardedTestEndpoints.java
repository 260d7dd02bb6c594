package io.yizhan.support.security;

import io.yizhan.contracts.access.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Endpoints of the test service behind each kind of rule a service declares. */
@RestController
class GuardedTestEndpoints {

  @GetMapping("/open/hello")
  String open() {
    return "你好";
  }

  @GetMapping("/staff/hello")
  Mono<String> staff() {
    return Callers.current().map(Caller::displayName);
  }

  @PostMapping("/districts/{district}/things")
  Mono<String> districtThing(@PathVariable String district) {
    return Callers.current().map(caller -> {
      caller.requireManagesDistrict(district);
      return "done for " + district;
    });
  }

  @PostMapping("/city/things")
  String cityThing() {
    return "done";
  }

  @Configuration
  static class Rules {
    @Bean
    AccessRules testRules() {
      return new AccessRules() {
        @Override
        public ServerWebExchangeMatcher publicPaths() {
          return ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/open/**");
        }

        @Override
        public void apply(AuthorizeExchangeSpec rules) {
          rules.pathMatchers(HttpMethod.POST, "/districts/*/things")
              .hasAnyRole(Role.CITY_ADMIN.name(), Role.DISTRICT_ADMIN.name());
        }
      };
    }
  }
}
