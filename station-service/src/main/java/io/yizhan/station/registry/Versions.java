package io.yizhan.station.registry;

import io.yizhan.support.problem.ConflictException;

/** What to say when a change was based on a version someone else has since replaced. */
final class Versions {

  static ConflictException stale(Station current) {
    return new ConflictException("站点信息已被他人修改（当前版本 " + current.version()
        + "）。请重新读取站点，核对后再提交。");
  }

  private Versions() {}
}
