package io.yizhan.visit.checkin;

import java.time.Instant;

/**
 * visit.events.v1 read again from a time, after the visits table was restored from a backup:
 * every visit accepted since is in the log (ADR 13), and each the table lacks is stored again.
 *
 * @param since     from when the log is read again (a little before the backup was taken)
 * @param toRead    records from there to the log's end when it was asked
 * @param read      of those, how many have been read again so far
 * @param restored  visits stored again since it was asked: the ones the table lacked
 */
public record Restoration(Instant since, String requestedBy, Instant requestedAt, long toRead, long read,
    long restored) {

  public boolean done() {
    return read >= toRead;
  }
}
