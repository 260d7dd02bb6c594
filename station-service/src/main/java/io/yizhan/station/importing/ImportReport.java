package io.yizhan.station.importing;

import io.yizhan.support.problem.InvalidRequestException.FieldProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an import, row by row. {@code imported} is true only when every row was valid
 * and all were registered; otherwise nothing was stored.
 */
public record ImportReport(boolean imported, int accepted, int rejected, List<RowResult> rows) {

  /**
   * @param line      the row's line in the file (the header is line 1)
   * @param stationId the new station's id, once imported
   */
  public record RowResult(int line, String name, boolean accepted, @Nullable String stationId, List<FieldProblem> problems) {}
}
