package io.yizhan.support.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Works every request off the connection's event loop, so that none completes while Netty is
 * still reading it. Reactor Netty 1.3.6 (reactor/reactor-netty#4361, fixed in a later release
 * that does not run here yet) stops reading a keep-alive connection when a request that arrived
 * while the one before was still finishing on another thread (a database answer) completes at
 * once (a malformed path variable, a finder answer from memory): the next request on that
 * connection then gets no answer at all, and its caller waits for its timeout. Seen as a 30 s
 * hang in station-service's tests, about one request in twenty in a loop; a client reusing
 * connections (the gateway) would meet it too. The hop costs a few microseconds a request.
 * Remove this filter once Reactor Netty is upgraded past the fix.
 */
public class AnsweredOffTheEventLoop implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
