package io.yizhan.support.problem;

import java.util.List;

/** The request breaks a rule; each {@link FieldProblem} names a field and what is wrong with it. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(String message, List<FieldProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(message, List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One bad field: its JSON name and what to change. */
  public record FieldProblem(String field, String message) {}
}
