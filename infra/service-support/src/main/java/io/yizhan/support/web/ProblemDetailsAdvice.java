package io.yizhan.support.web;

import io.yizhan.support.problem.ConflictException;
import io.yizhan.support.problem.ForbiddenException;
import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.NotFoundException;
import io.yizhan.support.problem.PreconditionRequiredException;
import io.yizhan.support.problem.SignInRequiredException;
import io.yizhan.support.problem.TooLargeException;
import io.yizhan.support.problem.UnauthenticatedException;
import io.yizhan.support.problem.UnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Every error a service answers is an RFC 9457 problem detail. Titles are Chinese, the users'
 * language; {@code detail} says what to do; bad fields are listed under {@code errors}. Framework
 * errors (unreadable JSON, wrong method) get the same shape from the base class.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  /**
   * The service's own failures and whatever else a handler let through. Checked from the most to
   * the least specific in {@link #answerFor}, which a route outside WebFlux uses too.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> failure(Exception e) {
    return answerFor(e);
  }

  /**
   * The answer to a request that failed with this: the same status, headers and problem detail
   * whichever way the request came in (a controller, or a route of the Netty server ahead of
   * WebFlux, as visit-service's check-ins).
   */
  public static ResponseEntity<ProblemDetail> answerFor(Throwable e) {
    if (e instanceof NotFoundException) {
      return answer(problem(HttpStatus.NOT_FOUND, "未找到 (not found)", e.getMessage(), "not-found"));
    }
    if (e instanceof InvalidRequestException invalid) {
      ProblemDetail problem = problem(
          HttpStatus.BAD_REQUEST, "请求有误 (invalid request)", e.getMessage(), "invalid-request");
      problem.setProperty("errors", invalid.problems());
      return answer(problem);
    }
    if (e instanceof UnauthenticatedException) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
          .body(problem(HttpStatus.UNAUTHORIZED, "令牌无效 (invalid token)", e.getMessage(), "invalid-token"));
    }
    if (e instanceof SignInRequiredException) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
          .body(problem(HttpStatus.UNAUTHORIZED, "需要登录 (unauthorized)", e.getMessage(), "unauthorized"));
    }
    if (e instanceof ForbiddenException) {
      return answer(problem(HttpStatus.FORBIDDEN, "无权操作 (forbidden)", e.getMessage(), "forbidden"));
    }
    if (e instanceof ConflictException) {
      return answer(problem(HttpStatus.CONFLICT, "冲突 (conflict)", e.getMessage(), "conflict"));
    }
    if (e instanceof TooLargeException) {
      return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "请求内容过大 (content too large)", e.getMessage(), "too-large"));
    }
    if (e instanceof PreconditionRequiredException) {
      return answer(problem(HttpStatus.PRECONDITION_REQUIRED, "缺少版本号 (precondition required)", e.getMessage(),
          "precondition-required"));
    }
    if (e instanceof UnavailableException unavailable) {
      return unavailable(unavailable);
    }
    // The database is down, or every pooled connection stayed busy past the acquire timeout (an
    // overload): nothing was done, and the same request may be sent again. Not a 500.
    if (e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException
        || e instanceof TransientDataAccessException) {
      return unavailable(new UnavailableException(
          "系统繁忙或数据库暂时不可用，本次请求未被处理。请稍后重试；签到请用同一签到编号重发，不会重复计数。"
              + "The service is overloaded or its database is unavailable; nothing was done, retry later.",
          DATABASE_RETRY_AFTER, e));
    }
    log.error("Unexpected error answering a request", e);
    return answer(problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "服务内部错误 (internal error)",
        "服务暂时出错，请稍后重试；若持续出现，请联系运维。Please retry later; if it persists, contact operations.",
        "internal"));
  }

  /** Nothing was accepted; the same request can simply be sent again (Retry-After says when). */
  private static ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
    // A refusal by admission control (no cause) is counted by its own metric, not logged each time.
    if (e.getCause() != null) {
      log.warn("Answering 503: {}", e.getCause().toString());
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "暂时无法处理 (service unavailable)", e.getMessage(),
            "unavailable"));
  }

  private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /**
   * The caller went away before the answer (the gateway's timeout, a phone that lost its signal):
   * nobody will read it, and nothing is wrong here. Answered as 499, nginx's "client closed
   * request", so the metrics tell it from a 500; a debug line, not an error with its stack.
   */
  @ExceptionHandler(AbortedException.class)
  ResponseEntity<Void> callerGone(AbortedException e) {
    log.debug("The caller closed the connection before the answer: {}", e.getMessage());
    return ResponseEntity.status(CLIENT_CLOSED_REQUEST).build();
  }

  static final HttpStatusCode CLIENT_CLOSED_REQUEST = HttpStatusCode.valueOf(499);

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    List<FieldProblem> problems = e.getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
        .toList();
    ProblemDetail problem = problem(
        HttpStatus.BAD_REQUEST,
        "请求有误 (invalid request)",
        "请修正以下字段后重试。Correct the fields listed under errors and retry.",
        "invalid-request");
    problem.setProperty("errors", problems);
    return Mono.just(ResponseEntity.badRequest().body(problem));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    return Mono.just(ResponseEntity.badRequest().body(unreadable(e)));
  }

  /** A body that is not JSON, or not of the expected shape; the reason is the parser's. */
  public static ProblemDetail unreadable(Throwable e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "请求内容无法解析 (unreadable request)",
        "请求体不是有效的 JSON，或字段类型不对：" + rootMessage(e)
            + "。请对照接口文档 (/v3/api-docs) 修正后重试。",
        "unreadable-request");
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(
      ResponseStatusException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
      return Mono.just(ResponseEntity.status(status).body(problem(HttpStatus.CONTENT_TOO_LARGE,
          "请求内容过大 (content too large)", "上传的内容超过了允许的大小，请拆分成几个较小的文件分批上传。", "too-large")));
    }
    if (status.value() != HttpStatus.NOT_FOUND.value()) {
      return super.handleResponseStatusException(e, headers, status, exchange);
    }
    ProblemDetail problem = problem(
        HttpStatus.NOT_FOUND,
        "未找到 (not found)",
        "没有这个地址：" + exchange.getRequest().getPath() + "。请对照接口文档 (/v3/api-docs) 检查路径。",
        "not-found");
    return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem));
  }

  public static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("urn:yizhan:problem:" + type));
    return problem;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
