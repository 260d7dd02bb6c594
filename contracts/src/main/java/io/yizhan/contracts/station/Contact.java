package io.yizhan.contracts.station;

import io.yizhan.contracts.Require;

/** A person in a station's responsibility chain and how to reach them. */
public record Contact(String name, String phone) {

  public Contact {
    Require.text(name, "name");
    Require.text(phone, "phone");
  }
}
