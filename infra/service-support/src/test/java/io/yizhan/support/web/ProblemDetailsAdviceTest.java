package io.yizhan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.support.problem.InvalidRequestException;
import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import io.yizhan.support.problem.UnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.netty.channel.AbortedException;

/** What a caller reads when something the request needs does not answer: a 503 saying when to retry, never a 500. */
class ProblemDetailsAdviceTest {

  final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

  @Test
  void an_exhausted_connection_pool_or_a_database_that_is_down_is_a_503_with_retry_after() {
    for (Exception e : new Exception[] {
        new DataAccessResourceFailureException("Failed to obtain R2DBC Connection"),
        new CannotCreateTransactionException("Could not open R2DBC Connection for transaction")}) {
      ResponseEntity<ProblemDetail> answer = ProblemDetailsAdvice.answerFor(e);
      assertThat(answer.getStatusCode().value()).isEqualTo(503);
      assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
      assertThat(answer.getBody().getType().toString()).isEqualTo("urn:yizhan:problem:unavailable");
      assertThat(answer.getBody().getDetail()).contains("稍后重试", "不会重复计数");
    }
  }

  @Test
  void a_caller_that_went_away_is_a_499_for_the_metrics_not_a_500() {
    ResponseEntity<Void> answer = advice.callerGone(new AbortedException("Connection has been closed BEFORE send operation"));
    assertThat(answer.getStatusCode().value()).isEqualTo(499);
    assertThat(answer.getBody()).isNull();
  }

  @Test
  void a_broker_that_does_not_answer_says_how_long_to_wait() {
    ResponseEntity<ProblemDetail> answer = ProblemDetailsAdvice.answerFor(
        new UnavailableException("签到暂时无法保存，请稍后重新提交。", Duration.ofSeconds(10), new RuntimeException("timeout")));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    assertThat(answer.getBody().getTitle()).contains("暂时无法处理");
  }

  @Test
  void a_bad_request_lists_its_fields_and_an_unforeseen_failure_is_a_500_problem_not_a_stack() {
    ResponseEntity<ProblemDetail> invalid = ProblemDetailsAdvice.answerFor(new InvalidRequestException(
        "签到信息有误，请修正后重试。", List.of(new FieldProblem("workerType", "未知的劳动者类型"))));
    assertThat(invalid.getStatusCode().value()).isEqualTo(400);
    assertThat(invalid.getBody().getType().toString()).isEqualTo("urn:yizhan:problem:invalid-request");
    assertThat(invalid.getBody().getProperties()).containsKey("errors");

    ResponseEntity<ProblemDetail> unforeseen = ProblemDetailsAdvice.answerFor(new IllegalStateException("bug"));
    assertThat(unforeseen.getStatusCode().value()).isEqualTo(500);
    assertThat(unforeseen.getBody().getDetail()).contains("联系运维").doesNotContain("bug");
  }
}
