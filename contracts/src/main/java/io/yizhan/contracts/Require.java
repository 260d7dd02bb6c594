package io.yizhan.contracts;

import org.jspecify.annotations.Nullable;

/** Checks shared by the payload records; a failure names the field. */
public final class Require {

  public static String text(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  public static <T> T present(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  private Require() {}
}
