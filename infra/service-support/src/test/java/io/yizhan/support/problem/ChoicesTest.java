package io.yizhan.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoicesTest {

  enum Drink { WATER, TEA }

  private final List<FieldProblem> problems = new ArrayList<>();

  @Test
  void a_known_code_is_read_around_its_spaces_with_no_problem() {
    assertThat(Choices.parse(Drink.class, " TEA ", "drink", "饮品", problems)).isEqualTo(Drink.TEA);
    assertThat(problems).isEmpty();
  }

  @Test
  void an_unknown_code_names_the_field_what_was_sent_and_every_choice() {
    assertThat(Choices.parse(Drink.class, "COFFEE", "drink", "饮品", problems)).isNull();
    assertThat(problems).containsExactly(new FieldProblem("drink", "未知的饮品 COFFEE，可选值：[WATER, TEA]"));
  }

  @Test
  void a_missing_code_asks_for_one_and_lists_the_choices() {
    assertThat(Choices.parse(Drink.class, " ", "drink", "饮品", problems)).isNull();
    assertThat(Choices.parse(Drink.class, null, "drink", "饮品", problems)).isNull();
    assertThat(problems).extracting(FieldProblem::message).containsOnly("请选择饮品，可选值：[WATER, TEA]");
  }
}
