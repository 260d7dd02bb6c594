package io.yizhan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.support.problem.UnavailableException;
import java.time.Duration;
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
      ResponseEntity<ProblemDetail> answer = advice.databaseUnavailable(e);
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
    ResponseEntity<ProblemDetail> answer = advice.unavailable(
        new UnavailableException("签到暂时无法保存，请稍后重新提交。", Duration.ofSeconds(10), new RuntimeException("timeout")));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    assertThat(answer.getBody().getTitle()).contains("暂时无法处理");
  }
}
