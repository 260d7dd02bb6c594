package io.yizhan.station.maintenance;

import java.time.Duration;

/**
 * A kind of recurring upkeep (设备维护、消耗品增添、环境清洁、服务情况登记) and how often it is due.
 * Kinds are data, so the union can add one or change an interval without a release.
 */
public record TaskKind(String code, String nameZh, Duration interval) {}
