package io.yizhan.support.sql;

import java.util.Collection;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Values for one array parameter, written as PostgreSQL's array literal ({@code {"a","b",NULL}})
 * and bound as a single text value that the statement casts: {@code CAST(:ids AS uuid[])}.
 *
 * <p>Why not bind a Java array: the R2DBC driver's array codec encodes every element through a
 * buffer of its own and then scans it for characters to escape, which took 16 % of visit-service's
 * CPU while it stored batches of 10,000 visits (eight arrays each). A literal built here costs a
 * fraction of that, and PostgreSQL parses it with the element type's own input function, as it
 * would the driver's text.
 */
public final class ArrayLiteral {

  private ArrayLiteral() {}

  /** Every element quoted, so that commas, braces, spaces and the word NULL stay text; nulls are NULL. */
  public static <T> String of(Collection<T> values, Function<? super T, @Nullable String> text) {
    StringBuilder literal = new StringBuilder(values.size() * 40 + 2).append('{');
    boolean first = true;
    for (T value : values) {
      if (!first) {
        literal.append(',');
      }
      first = false;
      String element = value == null ? null : text.apply(value);
      if (element == null) {
        literal.append("NULL");
        continue;
      }
      literal.append('"');
      // Elements are nearly always ids, numbers and times, with nothing to escape: copied whole.
      // Scanning each a character at a time showed in profiles of batches of 10,000 visits.
      if (element.indexOf('"') < 0 && element.indexOf('\\') < 0) {
        literal.append(element).append('"');
        continue;
      }
      for (int i = 0; i < element.length(); i++) {
        char c = element.charAt(i);
        if (c == '"' || c == '\\') {
          literal.append('\\');
        }
        literal.append(c);
      }
      literal.append('"');
    }
    return literal.append('}').toString();
  }

  /** Elements written with their {@code toString()}: UUIDs, numbers, instants (ISO 8601, which timestamptz reads). */
  public static String of(Collection<?> values) {
    return of(values, String::valueOf);
  }
}
