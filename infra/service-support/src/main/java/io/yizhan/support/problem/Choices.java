package io.yizhan.support.problem;

import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads one of a fixed set of codes a person chose; a missing or unknown one lists the choices. */
public final class Choices {

  /**
   * @param what what the field is, in Chinese, e.g. 劳动者类型
   * @return the choice, or null after adding a problem for {@code field}
   */
  public static <E extends Enum<E>> @Nullable E parse(
      Class<E> type, @Nullable String value, String field, String what, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "请选择" + what + "，" + options(type)));
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "未知的" + what + " " + value + "，" + options(type)));
      return null;
    }
  }

  /**
   * Written only for a problem: a check-in reads three to five choices, and listing them every time
   * was a tenth of what a batch of check-ins allocated (benchmarks.md, session 27).
   */
  private static String options(Class<? extends Enum<?>> type) {
    return "可选值：" + Arrays.toString(type.getEnumConstants());
  }

  private Choices() {}
}
