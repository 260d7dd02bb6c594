package io.yizhan.contracts.station;

/** 爱心驿站 (full station, 2–5 stars) or 爱心服务点 (smaller point, 1–3 stars). */
public enum StationKind {
  CARE_STATION,
  SERVICE_POINT
}
